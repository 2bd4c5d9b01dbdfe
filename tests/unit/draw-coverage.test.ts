import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { drawAttempt, drawQuestions, seenObjectives, type BankItem } from '../../src/lib/questions/draw';

// The course's own bank: the draw is judged on the items learners get.
const dir = join(import.meta.dirname, '..', '..', 'content', 'questions');
const bank: BankItem[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) =>
    (yaml.load(readFileSync(join(dir, f), 'utf8')) as { questions: { id: string; objective: string; use: string }[] }).questions
      .filter((q) => q.use === 'assessment')
      .map((q) => ({ id: q.id, group: f.replace(/\.yaml$/, ''), objective: q.objective })),
  );
const course = Object.values(yaml.load(readFileSync(join(dir, '..', 'course.yaml'), 'utf8')) as Record<string, { assessment: { questions: number } }>)[0]!;
const COUNT = course.assessment.questions;
const byId = new Map(bank.map((b) => [b.id, b]));
const lessons = new Set(bank.map((b) => b.group));
const objectives = new Set(bank.map((b) => b.objective!));
const DRAWS = 1000;

describe(`the draw by objective, over ${DRAWS} seeded draws of ${COUNT} from the course's bank`, () => {
  it('covers every lesson and as many objectives as its length allows, every time', () => {
    let fewest = Infinity;
    let total = 0;
    for (let seed = 1; seed <= DRAWS; seed++) {
      const drawn = drawQuestions(bank, COUNT, seed).map((id) => byId.get(id)!);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(COUNT);
      expect(new Set(drawn.map((d) => d.group)).size).toBe(lessons.size);
      const covered = new Set(drawn.map((d) => d.objective)).size;
      fewest = Math.min(fewest, covered);
      total += covered;
    }
    console.log(`draw coverage: ${lessons.size} of ${lessons.size} lessons every time; objectives per attempt: fewest ${fewest}, mean ${(total / DRAWS).toFixed(2)} of ${objectives.size} (at most ${Math.min(COUNT, objectives.size)} in ${COUNT} questions)`);
    expect(fewest).toBe(Math.min(COUNT, objectives.size));
  });

  it('successive attempts rotate through the objectives not yet asked', () => {
    const attemptsNeeded = Math.ceil(objectives.size / COUNT);
    let worst = 0;
    for (let learner = 1; learner <= DRAWS; learner++) {
      const seen = new Set<string>();
      const earlier: string[][] = [];
      let attempts = 0;
      while (seen.size < objectives.size && attempts < 10) {
        const drawn = drawAttempt(bank, earlier, COUNT, learner * 7919 + attempts);
        for (const id of drawn) seen.add(byId.get(id)!.objective!);
        earlier.push(drawn);
        attempts++;
      }
      worst = Math.max(worst, attempts);
    }
    console.log(`rotation: every objective asked within ${worst} attempts (${objectives.size} objectives, ${COUNT} questions each; ${attemptsNeeded} is the least possible)`);
    expect(worst).toBeLessThanOrEqual(attemptsNeeded + 1);
  });
});

describe('objectives already asked', () => {
  it('are those of the latest attempts, until a cycle is complete', () => {
    expect([...seenObjectives([], 4)]).toEqual([]);
    expect([...seenObjectives([['a', 'b']], 4)].sort()).toEqual(['a', 'b']);
    expect([...seenObjectives([['a', 'b'], ['c']], 4)].sort()).toEqual(['a', 'b', 'c']);
    // The oldest attempt would complete the set: a new cycle starts after it.
    expect([...seenObjectives([['a', 'b'], ['c', 'd'], ['a']], 4)].sort()).toEqual(['a', 'c', 'd']);
    expect([...seenObjectives([['a', 'b', 'c', 'd']], 4)]).toEqual([]);
  });
});
