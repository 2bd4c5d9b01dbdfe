import { describe, expect, it } from 'vitest';
import { decode, emptyProgress, encode, fromData, merge, mergeTabs, withOptionSeed, type Progress } from '../../src/lib/progress';
import { checkOrder } from '../../src/lib/questions/check-order';
import { decodeSuspend, encodeSuspend } from '../../src/lib/lms';

const facts = { lessonIds: ['one'] };
const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, correct: id === 'a' }));
const ids = (seed: number, question = 'l1-check-x') => checkOrder(options, seed, question).map((o) => o.id);

describe("a learner's order of check options", () => {
  it('is the same for the same seed and question, so a reload shows the same order', () => {
    for (const seed of [0, 1, 42, 2 ** 31, 2 ** 32 - 1]) expect(ids(seed)).toEqual(ids(seed));
    expect([...ids(7)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('differs between learners and between questions', () => {
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => ids(seed * 7919).join('')));
    expect(orders.size).toBeGreaterThan(10);
    const questions = new Set(Array.from({ length: 30 }, (_, i) => ids(12345, `q-${i}`).join('')));
    expect(questions.size).toBeGreaterThan(8);
  });

  it('puts the correct option in each position about equally often (no position cue)', () => {
    const counts = [0, 0, 0, 0];
    const n = 4000;
    for (let seed = 0; seed < n; seed++) counts[ids(seed * 2654435761).indexOf('a')]! += 1;
    for (const c of counts) expect(c / n).toBeGreaterThan(0.2);
    for (const c of counts) expect(c / n).toBeLessThan(0.3);
  });

  it('is set once: a seed already set is kept', () => {
    const p = withOptionSeed(emptyProgress(), 99);
    expect(p.optionSeed).toBe(99);
    expect(withOptionSeed(p, 5)).toBe(p);
  });

  it('survives saving, two tabs and an LMS round trip', () => {
    const p: Progress = { ...emptyProgress(), optionSeed: 3000000000 };
    expect(decode(encode(p), facts).progress.optionSeed).toBe(3000000000);
    expect(merge(emptyProgress(), p).optionSeed).toBe(3000000000);
    expect(mergeTabs(emptyProgress(), p).optionSeed).toBe(3000000000);
    // Two tabs that each set one at once agree on the same one, whichever merges first.
    const q: Progress = { ...emptyProgress(), optionSeed: 17 };
    expect(merge(p, q).optionSeed).toBe(17);
    expect(merge(q, p).optionSeed).toBe(17);
    for (const standard of ['1.2', '2004'] as const) {
      expect(decodeSuspend(encodeSuspend(p, standard).text, facts).progress.optionSeed).toBe(3000000000);
    }
  });

  it('progress saved before the seed existed reads as it was, and a seed that is not ours is left out', () => {
    const old = { version: 2, lessons: { one: { visitedAt: '2026-01-01T10:00:00.000Z' } }, checks: { 'l1-check-x': { response: { kind: 'single', choice: 'b' }, attempts: 1, score: 0, at: '2026-01-01T10:00:00.000Z' } } };
    const read = fromData(old, facts);
    expect(read.progress.optionSeed).toBeUndefined();
    expect(read.progress.checks?.['l1-check-x']?.response).toEqual({ kind: 'single', choice: 'b' });
    for (const bad of [-1, 1.5, 2 ** 32, '12']) {
      const { progress, problems } = fromData({ ...old, optionSeed: bad }, facts);
      expect(progress.optionSeed).toBeUndefined();
      expect(problems.map((p) => p.entries).flat()).toContain('optionSeed');
    }
  });
});

describe('artefacts in LMS suspend data', () => {
  const at = '2026-03-01T10:00:00.000Z';
  const p: Progress = { ...emptyProgress(), artefacts: { 'delegation-agreement': { fields: { outcome: 'Rota, by Friday; 5 % over.' }, rubric: { 'outcome-testable': 'partly' }, at } } };
  it('go to the LMS under SCORM 2004 and come back as written', () => {
    const { text, leftOut } = encodeSuspend(p, '2004');
    expect(leftOut).toEqual([]);
    expect(decodeSuspend(text, facts).progress.artefacts).toEqual(p.artefacts);
  });
  it('stay in the browser under SCORM 1.2, and the learner is told, as for notes', () => {
    const { text, leftOut } = encodeSuspend(p, '1.2');
    expect(leftOut).toContain('notes');
    expect(decodeSuspend(text, facts).progress.artefacts).toBeUndefined();
  });
});

describe('runs from an earlier version of a scenario in LMS suspend data', () => {
  const at = '2026-03-01T10:00:00.000Z';
  const p: Progress = {
    ...emptyProgress(),
    scenarios: { 'line-3-alert': { path: [], endings: ['safe-and-stronger'], at, earlier: [{ path: ['distributed', 'delegating'], endings: ['retired'], at }] } },
    updatedAt: at,
  };
  it('go to the LMS under SCORM 2004 and come back as kept', () => {
    const back = decodeSuspend(encodeSuspend(p, '2004').text, facts).progress.scenarios?.['line-3-alert'];
    expect(back?.earlier).toEqual([{ path: ['distributed', 'delegating'], endings: ['retired'], at }]);
    expect(back?.endings).toEqual(['safe-and-stronger']);
  });
  it('under SCORM 1.2 the endings still go (the old path stays in the browser)', () => {
    const back = decodeSuspend(encodeSuspend(p, '1.2').text, facts).progress.scenarios?.['line-3-alert'];
    expect(back?.endings).toEqual(['safe-and-stronger']);
    expect(back?.earlier).toBeUndefined();
  });
});
