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
    (yaml.load(readFileSync(join(dir, f), 'utf8')) as { questions: { id: string; objective: string; use: string; variant?: string }[] }).questions
      .filter((q) => q.use === 'assessment')
      .map((q) => ({ id: q.id, group: f.replace(/\.yaml$/, ''), objective: q.objective, variant: q.variant })),
  );
const course = Object.values(yaml.load(readFileSync(join(dir, '..', 'course.yaml'), 'utf8')) as Record<string, { assessment: { questions: number } }>)[0]!;
const COUNT = course.assessment.questions;
const byId = new Map(bank.map((b) => [b.id, b]));
const lessons = new Set(bank.map((b) => b.group));
const objectives = new Set(bank.map((b) => b.objective!));
const DRAWS = 1000;
const tags = new Set(bank.flatMap((b) => b.variant ?? []));
/** The variant tags an attempt holds twice or more. */
const twice = (ids: readonly string[]) => {
  const count = new Map<string, number>();
  for (const id of ids) {
    const tag = byId.get(id)!.variant;
    if (tag !== undefined) count.set(tag, (count.get(tag) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n > 1).map(([tag]) => tag);
};

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

describe(`variants of one fact, over ${DRAWS} seeded draws`, () => {
  it('the bank tags its near-identical items, and no attempt holds two items of one tag', () => {
    expect(tags.size).toBeGreaterThan(0);
    let withVariant = 0;
    for (let learner = 1; learner <= DRAWS; learner++) {
      const earlier: string[][] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const drawn = drawAttempt(bank, earlier, COUNT, learner * 104729 + attempt);
        expect(twice(drawn)).toEqual([]);
        if (drawn.some((id) => byId.get(id)!.variant !== undefined)) withVariant++;
        earlier.push(drawn);
      }
    }
    console.log(`variants: ${tags.size} tags on ${bank.filter((b) => b.variant).length} items; ${DRAWS * 4} attempts (4 per learner), none with two items of one tag; ${withVariant} asked one tagged item or more`);
  });

  it('passes over a variant even when it is the only item of another objective', () => {
    // Lesson x: objectives o1, o2, o3; the items of o1 and o2 are variants of one fact.
    const small: BankItem[] = [
      { id: 'x1', group: 'x', objective: 'o1', variant: 'fact' },
      { id: 'x2', group: 'x', objective: 'o2', variant: 'fact' },
      { id: 'x3', group: 'x', objective: 'o3' },
      { id: 'x4', group: 'x', objective: 'o3' },
    ];
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = drawQuestions(small, 3, seed);
      expect(drawn).toHaveLength(3);
      expect(drawn.filter((id) => id === 'x1' || id === 'x2')).toHaveLength(1);
    }
    expect(() => drawQuestions(small, 4, 1)).toThrow(/bank of 3 once variants count once/);
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
