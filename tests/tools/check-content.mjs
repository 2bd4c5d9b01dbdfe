#!/usr/bin/env node
// `npm run check:content`: checks over the course content and the built site (run after a build).
// Fails when a lesson lacks objectives, key takeaways or a knowledge check; an objective is assessed
// by no final-assessment item; placeholder text appears; a citation or glossary link points nowhere;
// or any internal link or anchor on the built site is broken. Prints a per-lesson table.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { cueProblems, cueReport, formatCueReport } from '../../src/lib/questions/cues.ts';
import { lessonTime } from '../../src/lib/content/lesson-time.ts';

const root = resolve(import.meta.dirname, '..', '..');
const content = join(root, 'content');
const dist = join(root, 'dist');
const problems = [];
const rel = (p) => relative(root, p);
const read = (p) => readFileSync(p, 'utf8');
const files = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);

/** Placeholder text that must never ship. */
const PLACEHOLDERS = [/\[Company\b/i, /\blorem\b/i, /\bTODO\b/, /\bTBD\b/, /\bFIXME\b/];

const references = new Set(yaml.load(read(join(content, 'references.yaml'))).map((r) => r.id));
const glossary = new Set(yaml.load(read(join(content, 'glossary.yaml'))).map((t) => t.id));
const questions = files(join(content, 'questions'), '.yaml').flatMap((f) => yaml.load(read(f)).questions.map((q) => ({ ...q, file: rel(f) })));
const bank = questions.filter((q) => q.use === 'assessment');

// Placeholders anywhere in the content.
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const file of walk(content)) {
  read(file).split('\n').forEach((line, i) => {
    for (const pattern of PLACEHOLDERS) if (pattern.test(line)) problems.push(`${rel(file)}:${i + 1}: placeholder text (${pattern.source}): ${line.trim().slice(0, 80)}`);
  });
}

// Lessons.
const rows = [];
for (const file of files(join(content, 'lessons'), '.mdx')) {
  const text = read(file);
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(`${rel(file)}: no frontmatter`);
    continue;
  }
  const data = yaml.load(match[1]);
  const body = match[2];
  const objectives = (data.objectives ?? []).map((o) => o.id);
  const checks = [...body.matchAll(/<Check\s+id="([^"]+)"/g)].map((m) => m[1]);
  if (objectives.length === 0) problems.push(`${rel(file)}: field "objectives": the lesson has no objectives`);
  if (!/^## Key takeaways\s*$/m.test(body)) problems.push(`${rel(file)}: no "## Key takeaways" section`);
  if (checks.length === 0) problems.push(`${rel(file)}: no knowledge check (<Check id="…" />)`);
  for (const [, id] of body.matchAll(/<Cite\s+id="([^"]+)"/g)) if (!references.has(id)) problems.push(`${rel(file)}: <Cite id="${id}"> points to no reference`);
  for (const [, id] of body.matchAll(/<Term\s+id="([^"]+)"/g)) if (!glossary.has(id)) problems.push(`${rel(file)}: <Term id="${id}"> points to no glossary term`);
  const covered = objectives.filter((o) => bank.some((q) => q.objective === o));
  for (const o of objectives) if (!covered.includes(o)) problems.push(`${rel(file)}: objective "${o}" is assessed by no final-assessment item`);
  const { words, minutes: estimate } = lessonTime(body);
  rows.push({ lesson: data.title, words, estimate, checks: checks.length, objectives: `${covered.length}/${objectives.length}`, bank: bank.filter((q) => objectives.includes(q.objective)).length });
}

// The built site: every internal link and anchor resolves.
let pages = 0;
let links = 0;
if (!existsSync(dist)) {
  problems.push('dist/: no build to check; run `npm run build` first');
} else {
  const html = walk(dist).filter((f) => f.endsWith('.html'));
  const ids = new Map(html.map((f) => [f, new Set([...read(f).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))]));
  const target = (from, path) => {
    const clean = decodeURIComponent(path.split('?')[0]);
    const abs = clean.startsWith('/') ? join(dist, clean) : resolve(dirname(from), clean);
    if (clean === '' ) return from;
    if (existsSync(abs) && statSync(abs).isDirectory()) return join(abs, 'index.html');
    return abs;
  };
  for (const file of html) {
    pages++;
    const text = read(file);
    for (const line of text.split('\n')) {
      for (const pattern of PLACEHOLDERS.slice(1)) {
        const visible = line.replace(/<[^>]+>/g, ' ');
        if (pattern.test(visible)) problems.push(`${rel(file)}: placeholder text in the built page (${pattern.source})`);
      }
    }
    for (const [, url] of text.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      if (/^(https?:|mailto:|data:|tel:|javascript:)/.test(url)) continue;
      links++;
      const [path, anchor] = url.split('#');
      const page = target(file, path ?? '');
      if (!existsSync(page)) {
        problems.push(`${rel(file)}: broken link ${url}`);
        continue;
      }
      if (anchor && page.endsWith('.html') && !ids.get(page)?.has(anchor)) problems.push(`${rel(file)}: broken anchor ${url}`);
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('Lesson', 52)} ${pad('words', 6)} ${pad('est. min', 8)} ${pad('checks', 6)} ${pad('objectives assessed', 19)} bank items`);
for (const r of rows) console.log(`${pad(r.lesson, 52)} ${pad(r.words, 6)} ${pad(r.estimate, 8)} ${pad(r.checks, 6)} ${pad(r.objectives, 19)} ${r.bank}`);
console.log(`\n${rows.length} lessons, ${questions.length} questions (${bank.length} in the assessment bank); ${pages} built pages, ${links} internal links and anchors checked.`);
// Answer cues per bank (src/lib/questions/cues.ts): printed for reviewers; a clearly cued bank
// (CUE_LIMITS, justified in the README) fails the check, naming the bank and the figure.
console.log('\nAnswer cues (what a test-wise learner could use without understanding):');
for (const [name, items] of [['knowledge checks', questions.filter((q) => q.use === 'check')], ['assessment bank', bank]]) {
  const report = cueReport(items.map((q) => ({ kind: q.kind, options: q.options?.map((o) => ({ text: o.text, correct: o.correct === true })) })));
  for (const line of formatCueReport(name, report)) console.log(line);
  for (const problem of cueProblems(report)) problems.push(`content/questions/ (${name}): answer cue: ${problem}`);
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('Content checks: 0 problems.');
