/**
 * Progress saved by the course as it was before issue 11 (version 2: answers to the old wording,
 * scenario runs with style-named move ids, no seed for the order of options) reads on this version
 * with nothing the learner did lost: answers stay, old runs are kept as earlier runs, endings found
 * stay counted, and the learner gets an order of options on first need.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, decode, withOptionSeed } from '../../src/lib/progress';
import { answerFact, fit, scenarioFact, type CourseContent } from '../../src/lib/progress/fit';
import { questionSetSchema } from '../../src/schemas/question';
import { scenarioSchema } from '../../src/schemas/scenario';

const root = join(import.meta.dirname, '..', '..', 'content');
const sets = readdirSync(join(root, 'questions')).map((f) => questionSetSchema.parse(yaml.load(readFileSync(join(root, 'questions', f), 'utf8'))));
const questions = sets.flatMap((s) => s.questions);
const lessonIds = sets.map((s) => s.lesson);
const scenarios = Object.fromEntries(readdirSync(join(root, 'scenarios')).map((f) => [f.replace(/\.yaml$/, ''), scenarioSchema.parse(yaml.load(readFileSync(join(root, 'scenarios', f), 'utf8')))]));
const content: CourseContent = {
  checks: Object.fromEntries(questions.filter((q) => q.use === 'check').map((q) => [q.id, answerFact(q)])),
  bank: Object.fromEntries(questions.filter((q) => q.use === 'assessment').map((q) => [q.id, answerFact(q)])),
  notes: [],
  scenarios: Object.fromEntries(Object.entries(scenarios).map(([id, s]) => [id, scenarioFact(s)])),
  diagnostic: { answers: 24, flags: 4 },
};

const T = '2026-11-30T09:00:00.000Z';
/** As the course before issue 11 stored it (its JSON, verbatim in shape). */
const saved = JSON.stringify({
  version: 2,
  lessons: { 'delegation-done-well': { visitedAt: T, completedAt: T }, 'distributed-leadership-as-practice': { visitedAt: T } },
  location: { lesson: 'distributed-leadership-as-practice', section: 'try-it', at: T },
  checks: {
    'l2-check-vroom-gii': { response: { kind: 'single', choice: 'd' }, attempts: 1, score: 1, at: T },
  },
  scenarios: { 'line-3-alert': { path: ['distributed', 'delegating', 'distributed'], endings: ['safe-and-stronger'], at: T } },
  updatedAt: T,
});

describe('progress saved before issue 11', () => {
  it('is still this version of the data: no migration step, nothing refused', () => {
    expect(PROGRESS_VERSION).toBe(2);
    const { progress, problems } = decode(saved, { lessonIds });
    expect(problems).toEqual([]);
    expect(progress.lessons['delegation-done-well']?.completedAt).toBe(T);
    expect(progress.checks?.['l2-check-vroom-gii']).toEqual({ response: { kind: 'single', choice: 'd' }, attempts: 1, score: 1, at: T });
    expect(progress.optionSeed).toBeUndefined();
    // The learner's order is set on first need, and then never changes.
    const seeded = withOptionSeed(progress, 123);
    expect(seeded.optionSeed).toBe(123);
    expect(withOptionSeed(seeded, 456).optionSeed).toBe(123);
  });

  it('imported into this version: answers kept, the old scenario run kept as an earlier run, its ending still counted', () => {
    const { progress } = decode(saved, { lessonIds });
    const { progress: fitted, aside } = fit(progress, content);
    expect(Object.keys(aside)).toEqual([]);
    expect(fitted.checks?.['l2-check-vroom-gii']?.score).toBe(1);
    const run = fitted.scenarios?.['line-3-alert'];
    expect(run?.path).toEqual([]);
    expect(run?.endings).toEqual(['safe-and-stronger']);
    expect(run?.earlier?.[0]?.path).toEqual(['distributed', 'delegating', 'distributed']);
  });
});
