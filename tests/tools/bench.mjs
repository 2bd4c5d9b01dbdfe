#!/usr/bin/env node
// `npm run bench`: JavaScript weight per built page, and the size of the whole site.
// For each page: module scripts it references, the chunks they import (transitively), the island
// components and renderers it hydrates, and inline scripts — each file once, gzip -9.
// Chunks reached only through a dynamic `import()` (the embed messages, loaded only in another
// site's frame) are not loaded when the page opens: they are counted apart, as "on demand", and
// not against the budget; islands hydrated `client:visible` load while the page is read, and are.
// Every page has a budget, by kind of page. Also the host script `embed.js` that other sites load (budget 2 KB).
// Run after `npm run build`. Exits 1 when a page or the host script is over its budget.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', '..', 'dist');
if (!existsSync(dist)) {
  console.error('No dist/ folder: run `npm run build` first.');
  process.exit(2);
}

/**
 * Budgets in gzip bytes for the JavaScript a page loads while it is read: when it opens, and when
 * the learner scrolls to its `client:visible` islands ("later"). Every page has one, by kind.
 */
const KB = 1024;
const BUDGETS = {
  // Pages without islands still read progress (the Base script): its fields grew with issue 11.
  page: 6.5 * KB,
  home: 15 * KB,
  lesson: 6 * KB,
  // Includes each learner's own order of check options (issue 11), about 0.3 KB.
  'lesson with checks': 16.5 * KB,
  'page with a scenario': 20 * KB,
  // Lesson 7 also holds the decision-rights map builder since issue 11 (ArtefactBuilder, 1 KB as it is read, and 0.8 KB at load for the lesson-end rule).
  // And the spaced review (ReviewCheck, 0.9 KB as it is read) and the .ics check-in button.
  'lesson with the diagnostic and plan': 34.5 * KB,
  // An artefact builder (ArtefactBuilder, client:visible) beside the checks: lesson 2.
  'lesson with a builder': 18.5 * KB,
  // A scenario, an artefact builder and a spaced review: lessons 3 and 5.
  'lesson with a scenario and a builder': 23.5 * KB,
  assessment: 24 * KB,
  certificate: 20 * KB,
  diagnostic: 22 * KB,
  // Also lists the artefacts and the plan (issue 11).
  'my notes': 17.5 * KB,
  'your progress': 21 * KB,
  projector: 30 * KB,
  timer: 23 * KB,
  'pre-check': 16 * KB,
};
/** The kind of a built page, which names its budget. */
function kindOf(path, html) {
  const island = (name) => new RegExp(`component-url="[^"]*${name}`).test(html);
  if (path === '/') return 'home';
  if (path.startsWith('/lessons/')) {
    if (island('Diagnostic') || island('ActionPlanBuilder')) return 'lesson with the diagnostic and plan';
    if (island('ArtefactBuilder')) return island('ScenarioPlayer') ? 'lesson with a scenario and a builder' : 'lesson with a builder';
    if (island('ScenarioPlayer')) return 'page with a scenario';
    return html.includes('<astro-island') ? 'lesson with checks' : 'lesson';
  }
  if (island('ScenarioPlayer')) return 'page with a scenario';
  const byPath = { '/assessment/': 'assessment', '/certificate/': 'certificate', '/diagnostic/': 'diagnostic', '/notes/': 'my notes', '/progress/': 'your progress', '/facilitator/projector/': 'projector', '/facilitator/timer/': 'timer', '/precheck/': 'pre-check' };
  if (byPath[path]) return byPath[path];
  if (html.includes('<astro-island')) throw new Error(`${path} hydrates islands but has no budget: give its kind one in tests/tools/bench.mjs`);
  return 'page';
}
/** The host script, `public/embed.js`, loaded by the pages that embed the course. */
const HOST_SCRIPT_BUDGET = 2 * 1024;

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
})(dist);

function localFile(ref, from) {
  if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) return undefined;
  const path = ref.startsWith('/') ? join(dist, ref) : resolve(dirname(from), ref);
  return existsSync(path) ? path : undefined;
}

/** Adds the module and what it imports statically to `seen`; what it imports dynamically to `dynamic`. */
function collectModule(path, seen, dynamic) {
  if (seen.has(path)) return;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  const imports = [
    ...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g),
    ...code.matchAll(/\bfrom\s*["']([^"']+\.js)["']/g),
  ];
  for (const [, ref] of imports) {
    const dep = localFile(ref, path);
    if (dep) collectModule(dep, seen, dynamic);
  }
  for (const [, ref] of code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
    const dep = localFile(ref, path);
    if (dep) dynamic.add(dep);
  }
}

/** What the dynamic imports load, with everything they import, less what is already loaded. */
function collectOnDemand(dynamic, loaded) {
  const demand = new Set();
  for (let pending = [...dynamic]; pending.length > 0; ) {
    const more = new Set();
    for (const file of pending) collectModule(file, demand, more);
    pending = [...more].filter((file) => !demand.has(file));
  }
  for (const file of loaded) demand.delete(file);
  return demand;
}

function pageScripts(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const seen = new Set();
  const dynamic = new Set();
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const file = localFile(src, htmlPath);
    if (file) collectModule(file, seen, dynamic);
  }
  const later = new Set();
  for (const [island] of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const deferred = /\bclient="(visible|idle|media)"/.test(island);
    for (const [, , url] of island.matchAll(/\b(component-url|renderer-url)="([^"]+)"/g)) {
      const file = localFile(url, htmlPath);
      if (file) collectModule(file, deferred ? later : seen, dynamic);
    }
  }
  for (const file of seen) later.delete(file);
  let laterBytes = 0;
  for (const file of later) laterBytes += gz(readFileSync(file));
  let onDemand = 0;
  for (const file of collectOnDemand(dynamic, new Set([...seen, ...later]))) onDemand += gz(readFileSync(file));
  let inline = 0;
  for (const [, tag, body] of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/type="application\/(ld\+)?json"/.test(tag)) continue;
    inline += gz(Buffer.from(body));
  }
  let modules = 0;
  for (const file of seen) modules += gz(readFileSync(file));
  return { modules, inline, total: modules + inline, later: laterBytes, onDemand, files: [...seen].map((f) => relative(dist, f)) };
}

const pages = files.filter((f) => f.endsWith('.html')).sort();
const rows = [];
let over = false;
for (const page of pages) {
  const path = '/' + relative(dist, page).replace(/index\.html$/, '');
  const html = readFileSync(page, 'utf8');
  const kind = kindOf(path, html);
  const { total, inline, later, onDemand, files: loaded } = pageScripts(page);
  const budget = BUDGETS[kind];
  const ok = total + later <= budget;
  if (!ok) over = true;
  rows.push({ path, total, inline, later, onDemand, count: loaded.length, kind, budget, ok });
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log('JavaScript per page, gzip -9: module scripts with their imports, islands and inline scripts loaded');
console.log('when the page opens; "later" is what client:visible islands add when scrolled to; "on demand" is');
console.log('what dynamic imports load when needed (the embed messages, only in another site\'s frame).\n');
console.log(`${'page'.padEnd(52)} ${'at load'.padStart(9)} ${'inline'.padStart(8)} ${'later'.padStart(8)} ${'on demand'.padStart(9)} ${'files'.padStart(5)}  budget`);
for (const r of rows) {
  const budget = `${kb(r.budget)} (${r.kind}) ${r.ok ? 'ok' : 'OVER'}`;
  console.log(`${r.path.padEnd(52)} ${kb(r.total).padStart(9)} ${kb(r.inline).padStart(8)} ${(r.later ? kb(r.later) : '').padStart(8)} ${(r.onDemand ? kb(r.onDemand) : '').padStart(9)} ${String(r.count).padStart(5)}  ${budget}`);
}
const hostScript = join(dist, 'embed.js');
if (existsSync(hostScript)) {
  const size = gz(readFileSync(hostScript));
  const ok = size <= HOST_SCRIPT_BUDGET;
  if (!ok) over = true;
  console.log(`\nHost script for embedding pages, /embed.js: ${kb(size)}, budget ${kb(HOST_SCRIPT_BUDGET)} ${ok ? 'ok' : 'OVER'}`);
}
const raw = files.reduce((s, f) => s + statSync(f).size, 0);
const gzipped = files.reduce((s, f) => s + (/\.(html|js|css|svg|json|xml|txt)$/.test(f) ? gz(readFileSync(f)) : statSync(f).size), 0);
console.log(`\nSite: ${files.length} files, ${kb(raw)} on disk, ${kb(gzipped)} with text files gzipped.`);
if (over) {
  console.error('\nA page or the host script is over its JavaScript budget.');
  process.exit(1);
}
