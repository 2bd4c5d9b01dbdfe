#!/usr/bin/env node
// `npm run scenarios:report`: for each scenario in content/scenarios/, the ending each
// "always decide this way" policy reaches (one per decision process, and "always pick the longest
// move"), and how many distinct paths lead to each ending; then, per process, in how many scenarios
// it always reaches the best ending. Fails when one policy reaches the best ending everywhere.
// It runs the course's own engine (src/lib/scenario) and schema, bundled on the fly with esbuild.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import yaml from 'js-yaml';

const root = resolve(import.meta.dirname, '..', '..');
const bundle = await build({
  stdin: {
    contents: `export { scenarioSchema } from './src/schemas/scenario'; export { report, validateScenario, PROCESS_LABEL } from './src/lib/scenario';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const { scenarioSchema, report, validateScenario, PROCESS_LABEL } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const dir = join(root, 'content', 'scenarios');
let failed = false;
/** Per policy: the scenarios where every run of it reaches the best ending, and how many scenarios it was tried on. */
const wins = new Map();
const label = (p) => (p === 'longest' ? 'Always the longest move' : PROCESS_LABEL[p] ?? p);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const parsed = scenarioSchema.safeParse(yaml.load(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.success) {
    failed = true;
    console.log(`\n${file}: not a valid scenario:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    continue;
  }
  const scenario = parsed.data;
  const problems = validateScenario(scenario);
  if (problems.length > 0) {
    failed = true;
    console.log(`\n${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    continue;
  }
  const r = report(scenario);
  const title = (id) => scenario.endings.find((e) => e.id === id)?.title ?? id;
  console.log(`\n${scenario.title} (${file}): ${scenario.nodes.length} decisions, ${r.totalPaths} paths`);
  console.log('  Policy "always decide this way" → ending (where the process is not offered, or offered twice, every such move is tried)');
  for (const p of r.policies) {
    const several = Object.values(p.endings).reduce((a, b) => a + b, 0) > 1;
    const runs = Object.entries(p.endings).map(([id, n]) => (several ? `${title(id)} ×${n}` : title(id))).join(', ');
    console.log(`    ${label(p.policy).padEnd(38)} → ${runs}${p.notOffered.length ? ` (not offered at ${p.notOffered.join(', ')})` : ''}${p.alwaysBest ? '  [always the best ending]' : ''}`);
    const w = wins.get(p.policy) ?? { best: [], of: 0 };
    w.of += 1;
    if (p.alwaysBest) w.best.push(scenario.title);
    wins.set(p.policy, w);
  }
  console.log('  Ending → distinct paths');
  for (const e of r.endings) console.log(`    ${(e.title + (e.best ? ' (best)' : '')).padEnd(34)} ${String(e.paths).padStart(4)}`);
}
const total = readdirSync(dir).filter((f) => f.endsWith('.yaml')).length;
console.log('\nPer decision process: scenarios in which always deciding this way reaches the best ending in every run');
for (const [p, w] of [...wins].sort()) {
  console.log(`    ${label(p).padEnd(38)} ${w.best.length} of ${total}${w.best.length ? ` (${w.best.join(', ')})` : ''}`);
  if (w.best.length === total) {
    failed = true;
    console.log(`    ✗ "${label(p)}" reaches the best ending in every scenario: re-tune the meter changes or the endings' rules`);
  }
}
if (failed) process.exit(1);
