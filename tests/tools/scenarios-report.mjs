#!/usr/bin/env node
// `npm run scenarios:report`: for each scenario in content/scenarios/, the ending each
// "always pick the X-style move" policy reaches, and how many distinct paths lead to each ending.
// It runs the course's own engine (src/lib/scenario) and schema, bundled on the fly with esbuild.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import yaml from 'js-yaml';

const root = resolve(import.meta.dirname, '..', '..');
const bundle = await build({
  stdin: {
    contents: `export { scenarioSchema } from './src/schemas/scenario'; export { report, validateScenario } from './src/lib/scenario';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const { scenarioSchema, report, validateScenario } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const dir = join(root, 'content', 'scenarios');
let failed = false;
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
  console.log('  Policy "always pick the …-style move" → ending (where the style is not offered, every move is tried)');
  for (const p of r.policies) {
    const runs = Object.entries(p.endings).map(([id, n]) => (p.notOffered.length ? `${title(id)} ×${n}` : title(id))).join(', ');
    console.log(`    ${p.style.padEnd(14)} → ${runs}${p.notOffered.length ? ` (not offered at ${p.notOffered.join(', ')})` : ''}`);
  }
  console.log('  Ending → distinct paths');
  for (const e of r.endings) console.log(`    ${e.title.padEnd(34)} ${String(e.paths).padStart(4)}`);
}
if (failed) process.exit(1);
