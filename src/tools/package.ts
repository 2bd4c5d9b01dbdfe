/**
 * `npm run package`: builds the course for an LMS and writes one SCORM 1.2 and one SCORM 2004
 * (4th edition) package to dist/packages/. Each is a single SCO: a launch page (`index.html`, see
 * src/lms/shell.ts) that holds the LMS session and frames the course under `course/` (the
 * learner's pages: no trainer or administrator pages), the manifest and the schema files. Every address inside is relative, so the package works under
 * whatever path an LMS serves it from.
 *
 * Runs with Node 22's own TypeScript support: `node src/tools/package.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { scormManifest, schemaFiles } from '../lib/lms/manifest.ts';
import { createZip } from '../lib/zip.ts';
import { STORAGE_KEY_VERSION } from '../lib/progress/types.ts';

const root = join(import.meta.dirname, '..', '..');
const work = join(root, 'node_modules', '.cache', 'leading-together', 'package');
const courseOut = join(work, 'course');
const outDir = join(root, 'dist', 'packages');
/** Pages built for the website that a package leaves out (folders under the course). */
const TRAINER_AND_ADMIN_PAGES = ['facilitator', 'administrators'];
/** The base the package build uses for every internal address (see astro.config.mjs). */
const MARKER = '/__lt-package__/';

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const posix = (path: string) => path.split(sep).join('/');

/**
 * Rewrites the marker into a path relative to the file: `../../` from `lessons/x/index.html`.
 * A folder address gets its `index.html`, since an LMS's file server may not add it.
 */
function relativise(text: string, prefix: string): string {
  const file = (path: string) => `${prefix}${path === '' || path.endsWith('/') ? `${path}index.html` : path}`;
  return (
    text
      .replace(/\/__lt-package__\/([^"'\s&)#?<>]*)/g, (_match, path: string) => file(path))
      // A root-absolute link written in a lesson (`[the diagnostic](/diagnostic/)`) means the course's root.
      .replace(/(\s(?:href|src)=")\/(?!\/)([^"#?]*)/g, (_match, attribute: string, path: string) => attribute + file(path))
  );
}

/** In a module script under _astro/: the marker at the start of a string becomes the course root. */
function scriptRoot(code: string): string {
  const root = 'new URL("../",import.meta.url).pathname';
  return code
    .replaceAll(`\`${MARKER}`, `\`\${${root}}`)
    .replaceAll(`"${MARKER}`, `${root}+"`)
    .replaceAll(`'${MARKER}`, `${root}+'`);
}

/** The course's data the launch page needs: ids, the pass mark and the assessment bank. */
function shellConfig() {
  const courseFile = yaml.load(readFileSync(join(root, 'content', 'course.yaml'), 'utf8')) as Record<string, { title: string; subtitle: string; assessment: { passMark: number } }>;
  const [courseId, course] = Object.entries(courseFile)[0]!;
  // The lessons as the built course lists them (its #course-facts), so the two never differ.
  const home = readFileSync(join(courseOut, 'index.html'), 'utf8');
  const facts = /<script type="application\/json" id="course-facts">([^<]*)<\/script>/.exec(home)?.[1];
  if (!facts) throw new Error('The built home page has no #course-facts');
  const lessonIds = (JSON.parse(facts) as { lessons: { id: string }[] }).lessons.map((l) => l.id);
  const questions = readdirSync(join(root, 'content', 'questions'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => (yaml.load(readFileSync(join(root, 'content', 'questions', f), 'utf8')) as { questions: Record<string, unknown>[] }).questions)
    .filter((q) => q['use'] === 'assessment')
    // What grading needs: no prompts, feedback or explanations.
    .map(({ prompt: _p, explanation: _e, feedback: _f, ...q }) => ({
      ...q,
      ...(Array.isArray(q['options']) ? { options: (q['options'] as Record<string, unknown>[]).map((o) => ({ id: o['id'], correct: o['correct'] === true })) } : {}),
      ...(Array.isArray(q['items']) ? { items: (q['items'] as Record<string, unknown>[]).map((i) => ({ id: i['id'], category: i['category'] })) } : {}),
    }));
  return { courseId, title: course.title, description: course.subtitle, passMark: course.assessment.passMark, lessonIds, questions, storageVersion: STORAGE_KEY_VERSION };
}

function launchPage(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped}</title>
<style>html,body,#course,#course iframe{margin:0;width:100%;height:100%;border:0;display:block}body{font:1rem/1.5 system-ui,sans-serif}#course p{padding:1rem}</style>
<script type="module" src="shell.js"></script>
</head>
<body>
<main id="course"><p>${escaped} needs JavaScript to talk to your LMS. <a href="course/index.html">Open the course without tracking</a>.</p></main>
</body>
</html>
`;
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { LT_PACKAGE: '1', LT_PACKAGE_OUT: courseOut });
  // A package is for learners: the trainers' pages (facilitator guide, projector, timer, handouts)
  // and the administrators' page stay out of it; its pages do not link to them (layouts/Base.astro).
  for (const dir of TRAINER_AND_ADMIN_PAGES) rmSync(join(courseOut, dir), { recursive: true, force: true });

  // Internal addresses become relative to each page or style sheet. A script's strings are
  // resolved against the page that runs it, so scripts (all in _astro/) compute the course root
  // from their own address instead.
  for (const file of walk(courseOut)) {
    if (!/\.(html|css|js)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (!text.includes(MARKER)) continue;
    if (file.endsWith('.js')) {
      writeFileSync(file, scriptRoot(text));
      continue;
    }
    const depth = posix(relative(courseOut, dirname(file))).split('/').filter(Boolean).length;
    writeFileSync(file, relativise(text, depth === 0 ? './' : '../'.repeat(depth)));
  }
  const left = walk(courseOut).filter((f) => /\.(html|css|js)$/.test(f) && readFileSync(f, 'utf8').includes(MARKER.slice(0, -1)));
  if (left.length) throw new Error(`Absolute addresses left in ${left.map((f) => relative(root, f)).join(', ')}`);

  const config = shellConfig();
  await build({
    entryPoints: [join(root, 'src', 'lms', 'shell.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    outfile: join(work, 'shell.js'),
    define: { __LT_SHELL__: JSON.stringify({ courseId: config.courseId, title: config.title, storageVersion: config.storageVersion, lessonIds: config.lessonIds, passMark: config.passMark, questions: config.questions }) },
    logLevel: 'warning',
  });
  writeFileSync(join(work, 'index.html'), launchPage(config.title));

  const content = ['index.html', 'shell.js', ...walk(courseOut).map((f) => posix(relative(work, f))).sort()];
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(outDir, { recursive: true });
  for (const standard of ['1.2', '2004'] as const) {
    const schemaDir = join(root, 'src', 'lms', 'schemas', standard === '1.2' ? 'scorm12' : 'scorm2004');
    const manifest = scormManifest({
      standard,
      identifier: `${config.courseId}-scorm${standard === '1.2' ? '12' : '2004'}`,
      title: config.title,
      description: config.description,
      version,
      masteryScore: config.passMark,
      launch: 'index.html',
      files: content,
    });
    const entries = [
      { path: 'imsmanifest.xml', data: Buffer.from(manifest) },
      ...schemaFiles(standard).map((f) => ({ path: f, data: readFileSync(join(schemaDir, f)) })),
      ...content.map((f) => ({ path: f, data: readFileSync(join(work, f)) })),
    ];
    const zip = createZip(entries, (d) => deflateRawSync(d, { level: 9 }), (d) => crc32(d));
    const name = `${config.courseId}-scorm${standard === '1.2' ? '12' : '2004'}.zip`;
    writeFileSync(join(outDir, name), zip);
    console.log(`[package] dist/packages/${name}: ${entries.length} files, ${(zip.length / 1024).toFixed(0)} KB (SCORM ${standard === '1.2' ? '1.2' : '2004 4th edition'})`);
  }
}

main().catch((error: unknown) => {
  console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
