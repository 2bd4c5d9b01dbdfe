/**
 * A learner who has done everything, built from the real course content, at its most verbose:
 * every lesson, every knowledge check answered with the longest answer and every try used, the
 * longest run through each scenario with every ending found, diagnostics and the longest
 * certificate name allowed, five assessment attempts of the longest questions, a full plan and
 * a 5,000-character note for every reflection.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Question } from '../../src/schemas/question';
import type { Scenario } from '../../src/schemas/scenario';
import { allPaths } from '../../src/lib/scenario';
import { MAX_NOTE_LENGTH, MAX_PLAN_FIELD } from '../../src/lib/progress/codec';
import { KEEP_ASSESSMENTS, KEEP_DIAGNOSTICS, PROGRESS_VERSION, type Progress, type Response } from '../../src/lib/progress/types';

const root = join(import.meta.dirname, '..', '..', 'content');
const load = (path: string) => yaml.load(readFileSync(join(root, path), 'utf8'));

export const lessonIds = readdirSync(join(root, 'lessons')).filter((f) => f.endsWith('.mdx')).sort().map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
export const questions: Question[] = readdirSync(join(root, 'questions')).sort().flatMap((f) => (load(`questions/${f}`) as { questions: Question[] }).questions);
const course = Object.values(load('course.yaml') as Record<string, { assessment: { questions: number } }>)[0]!;

/** The longest answer a question can get: every option, or every item placed. */
function longest(q: Question): Response {
  if (q.kind === 'single') return { kind: 'single', choice: q.options.reduce((a, b) => (b.id.length > a.id.length ? b : a)).id };
  if (q.kind === 'multiple') return { kind: 'multiple', choices: q.options.map((o) => o.id) };
  const widest = q.categories.reduce((a, b) => (b.id.length > a.id.length ? b : a)).id;
  return { kind: 'classify', placements: Object.fromEntries(q.items.map((i) => [i.id, widest])) };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute, 59, 999)).toISOString();

export function maximalProgress(): Progress {
  const checks = questions.filter((q) => (q as { use?: string }).use === 'check');
  const bank = questions.filter((q) => (q as { use?: string }).use === 'assessment').sort((a, b) => b.id.length - a.id.length);
  const drawn = bank.slice(0, course.assessment.questions);
  const scenarioFiles = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  const notes = readdirSync(join(root, 'lessons')).flatMap((f) => [...readFileSync(join(root, 'lessons', f), 'utf8').matchAll(/<Reflection\s+id="([^"]+)"/g)].map((m) => m[1]!));
  const progress: Progress = {
    version: PROGRESS_VERSION,
    lessons: Object.fromEntries(lessonIds.map((id, i) => [id, { visitedAt: at(i), completedAt: at(i + 1) }])),
    location: { lesson: lessonIds.at(-1)!, section: 'a-section-heading-with-a-fairly-long-identifier-as-headings-get', at: at(50) },
    checks: Object.fromEntries(checks.map((q, i) => [q.id, { response: longest(q), attempts: (q as { attempts?: number }).attempts ?? 2, score: 0.667, at: at(i) }])),
    scenarios: Object.fromEntries(scenarioFiles.map((f) => {
      const scenario = load(`scenarios/${f}`) as Scenario;
      const paths = allPaths(scenario);
      const longestPath = paths.reduce((a, b) => (b.choices.join(',').length > a.choices.join(',').length ? b : a));
      return [f.replace(/\.yaml$/, ''), { path: longestPath.choices, endings: [...new Set(paths.map((p) => p.ending))], at: at(30) }];
    })),
    diagnostics: Array.from({ length: KEEP_DIAGNOSTICS }, (_, i) => ({ answers: Array(24).fill(5), flags: Array(8).fill(true), at: at(40 + i) })),
    assessments: Array.from({ length: KEEP_ASSESSMENTS }, (_, i) => ({
      seed: 4294967295 - i,
      startedAt: at(41 + i),
      questions: drawn.map((q) => q.id),
      answers: Object.fromEntries(drawn.map((q) => [q.id, longest(q)])),
      submittedAt: at(42 + i),
      score: 85 - i,
      passed: i === 0,
    })),
    plan: { decision: 'd'.repeat(MAX_PLAN_FIELD), mechanism: 'm'.repeat(MAX_PLAN_FIELD), owner: 'o'.repeat(MAX_PLAN_FIELD), measures: ['x', 'y', 'z'].map((c) => c.repeat(MAX_PLAN_FIELD)), checkIn: '2027-02-28', at: at(55) },
    // The longest name the certificate takes, in characters that JSON must escape for SCORM.
    learnerName: { text: 'É'.repeat(120), at: at(56) },
    notes: Object.fromEntries(notes.map((id, i) => [id, { text: 'ñ'.repeat(MAX_NOTE_LENGTH), at: at(i) }])),
    optionSeed: 4294967295,
    updatedAt: at(59),
  };
  return progress;
}
