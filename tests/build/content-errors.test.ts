/**
 * Broken content must fail the build with a message naming the file and the field. Each case
 * copies the project to a temporary folder, breaks one thing, and runs the real `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const LESSON = 'content/lessons/01-leadership-in-the-plural.mdx';
const made: string[] = [];

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lt-content-'));
  made.push(dir);
  for (const part of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // A cache of its own: Astro keeps the content store under node_modules/.astro by default, which
  // the symlink would share with the real project.
  edit(dir, 'astro.config.mjs', (t) => t.replace('defineConfig({', "defineConfig({\n  cacheDir: './.cache',"));
  return dir;
}

function build(dir: string): { code: number | null; output: string } {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  // Strip colour codes so that assertions read the text a person sees.
  return { code: result.status, output: `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the build refuses broken content', { timeout: 150_000 }, () => {
  it('an unknown frontmatter field: names the file and the field', () => {
    const dir = project();
    edit(dir, LESSON, (t) => t.replace(/^order: (\d+)$/m, 'order: $1\nduration: 20'));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('01-leadership-in-the-plural.mdx');
    expect(output).toContain('duration');
  });

  it('a lesson with no objectives: names the file and the field', () => {
    const dir = project();
    edit(dir, LESSON, (t) => t.replace(/^objectives:\n(?: {2}.*\n)+/m, ''));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('01-leadership-in-the-plural.mdx');
    expect(output).toMatch(/objectives/);
  });

  it('two lessons with the same order, and a citation to nowhere: names files and fields', () => {
    const dir = project();
    const copy = readFileSync(join(dir, LESSON), 'utf8')
      .replace(/^title: .*$/m, 'title: "A second lesson"')
      .replace(/^( {2}- id: )l1-/gm, '$1l2-')
      .replace('<Cite id="bolden-2011" />', '<Cite id="nobody-2099" />');
    writeFileSync(join(dir, 'content/lessons/02-a-second-lesson.mdx'), copy);
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    // Either file may be named first: the two share order 1.
    expect(output).toMatch(/(01-leadership-in-the-plural|02-a-second-lesson)\.mdx: field "order": 1 is already used by content\/lessons\/(02-a-second-lesson|01-leadership-in-the-plural)\.mdx/);
    expect(output).toContain('02-a-second-lesson.mdx: <Cite id="nobody-2099">');
  });

  it('a variant tag on one bank item only: names the file, the question and the field', () => {
    const dir = project();
    edit(dir, 'content/questions/04-shared-leadership-in-teams.yaml', (t) => t.replace('    variant: leithwood-influence\n', '    variant: leithwood-influnce\n'));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('04-shared-leadership-in-teams.yaml: question "l4-assess-explain-schools", field "variant": "leithwood-influnce" tags no other item');
  });

  it('an allowed embedding origin with a path: names the file and the field', () => {
    const dir = project();
    edit(dir, 'content/course.yaml', (t) => t.replace('      - "http://127.0.0.1:*"', '      - "https://intranet.example.org/course"'));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('course.yaml');
    expect(output).toContain('embed.allowedOrigins.1: not an origin pattern');
  });

  it('an artefact whose worked example misses a field: names the file, the field and the rule', () => {
    const dir = project();
    edit(dir, 'content/artefacts/routine-map.yaml', (t) => t.replace(/^ {4}decision: .*\n/m, ''));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('routine-map.yaml');
    expect(output).toContain('exemplar.values.decision');
    expect(output).toContain('the worked example fills every field');
  });

  it('an artefact naming an objective of another lesson, and a lesson placing an artefact that does not exist: names files and fields', () => {
    const dir = project();
    edit(dir, 'content/artefacts/convening-plan.yaml', (t) => t.replace('objective: l5-design', 'objective: l2-draft'));
    edit(dir, LESSON, (t) => t.replace('## Key takeaways', '<Artefact id="ghost-map" />\n\n## Key takeaways'));
    const { code, output } = build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('content/artefacts/convening-plan.yaml: field "objective": "l2-draft" is not an objective of lesson "collaborative-leadership-across-boundaries"');
    expect(output).toContain('01-leadership-in-the-plural.mdx: <Artefact id="ghost-map">: no artefact content/artefacts/ghost-map.yaml.');
  });
});
