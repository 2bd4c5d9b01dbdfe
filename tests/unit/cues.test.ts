import { describe, expect, it } from 'vitest';
import { CUE_LIMITS, cueProblems, cueReport, formatCueReport, hasAbsoluteWord } from '../../src/lib/questions/cues';

const single = (correctAt: number, texts: string[]) => ({
  kind: 'single',
  options: texts.map((text, i) => ({ text, correct: i === correctAt })),
});

describe('answer cues', () => {
  it('finds absolute words as whole words only', () => {
    expect(hasAbsoluteWord('It always works')).toBe(true);
    expect(hasAbsoluteWord('Only the head decides')).toBe(true);
    expect(hasAbsoluteWord('A fallible, overall view')).toBe(false);
    expect(hasAbsoluteWord('Company-wide')).toBe(false);
  });

  it('measures absolute words in right and wrong options, longest correct, and position', () => {
    const r = cueReport([
      single(0, ['The team shares the work and the routines', 'It always fails', 'Never']),
      single(0, ['A longer, qualified and correct answer', 'Every time', 'Short']),
      single(2, ['Tiny', 'Small', 'Mid']),
      { kind: 'classify' },
    ]);
    expect(r.items).toBe(3);
    expect(r.absoluteRight).toBe(0);
    expect(r.absoluteWrong).toBeCloseTo(3 / 6);
    expect(r.longestCorrect).toBeCloseTo(2 / 3);
    expect(r.positions).toEqual({ 1: 2, 3: 1 });
    expect(r.topPosition).toBeCloseTo(2 / 3);
  });

  it('counts k of n in multiple-response items', () => {
    const multiple = (k: number, n: number) => ({ kind: 'multiple', options: Array.from({ length: n }, (_, i) => ({ text: `o${i}`, correct: i < k })) });
    const r = cueReport([multiple(2, 4), multiple(2, 4), multiple(3, 5), multiple(1, 4)]);
    expect(r.kOfN).toEqual({ '2 of 4': 2, '3 of 5': 1, '1 of 4': 1 });
    expect(r.topK).toBe(0.5);
    expect(formatCueReport('checks', r).join('\n')).toContain('k of n: 1 of 4: 1, 2 of 4: 2, 3 of 5: 1; most common k 50%');
  });

  it('reports an empty bank without dividing by zero', () => {
    const r = cueReport([]);
    expect(r).toMatchObject({ items: 0, absoluteRight: 0, longestCorrect: 0, topPosition: 0, topK: 0 });
  });
});

describe('cue limits: a clearly cued bank fails, naming the figure', () => {
  // Ten four-option single-answer items whose correct option sits at `positions[i]` (0-based), the
  // correct option the longest in the first `longest` of them.
  const bank = (positions: number[], longest: number, wrong = 'A plain wrong option', right = 'A plain right option') =>
    positions.map((at, i) => ({
      kind: 'single',
      options: [0, 1, 2, 3].map((j) => ({ text: j === at ? (i < longest ? `${right}, at more length` : right) : wrong, correct: j === at })),
    }));
  const even = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1];
  const multiple = (k: number) => ({ kind: 'multiple', options: Array.from({ length: 5 }, (_, i) => ({ text: `option ${i}`, correct: i < k })) });

  it('passes a bank with positions spread, the longest at chance, no absolute words, k varied', () => {
    const r = cueReport([...bank(even, 3), ...[1, 2, 3, 1, 2, 3, 2, 4].map(multiple)]);
    expect(r.chance).toBe(0.25);
    expect(cueProblems(r)).toEqual([]);
  });

  it('fails when the correct option is the longest well above chance', () => {
    expect(cueProblems(cueReport(bank(even, 3)))).toEqual([]);
    expect(cueProblems(cueReport(bank(even, 4)))).toEqual([
      'the correct option is the longest in 40% of single-answer items (limit 38%: 1.5× the 25% chance gives)',
    ]);
  });

  it('fails when the correct option is the longest well below chance: ruling out the longest pays', () => {
    expect(cueProblems(cueReport(bank(even, 2)))).toEqual([]);
    expect(cueProblems(cueReport(bank(even, 1)))).toEqual([
      'the correct option is the longest in only 10% of single-answer items, so ruling out the longest pays (limit: at least 13%, 0.5× the 25% chance gives)',
    ]);
  });

  it('fails when one position holds the correct option well above chance', () => {
    expect(cueProblems(cueReport(bank([1, 1, 1, 0, 0, 2, 2, 3, 3, 0], 3)))).toEqual([]);
    expect(cueProblems(cueReport(bank([1, 1, 1, 1, 0, 2, 2, 3, 3, 0], 3)))).toEqual([
      '40% of single-answer items have their correct option at one position (limit 38%: 1.5× the 25% chance gives)',
    ]);
  });

  it('fails when absolute words sit in wrong options far more than in right ones, not when rare in both', () => {
    expect(cueProblems(cueReport(bank(even, 3, 'It always works, plainly')))).toEqual([
      'absolute words are in 100% of wrong options against 0% of correct ones (limit: at most 1.5× the other side or 10 points above it, whichever is higher)',
    ]);
    // The reverse cue: absolute words mark the right options.
    expect(cueProblems(cueReport(bank(even, 3, 'A plain wrong option', 'Only this one')))).toEqual([
      'absolute words are in 100% of correct options against 0% of wrong ones (limit: at most 1.5× the other side or 10 points above it, whichever is higher)',
    ]);
    // As common in right options as in wrong ones: no cue.
    expect(cueProblems(cueReport(bank(even, 3, 'It always works, plainly', 'Only this one')))).toEqual([]);
    // Rare in both (one wrong option in 30): within the gap.
    const rare = bank(even, 3);
    rare[0]!.options[rare[0]!.options.findIndex((o) => !o.correct)]!.text = 'Never';
    expect(cueProblems(cueReport(rare))).toEqual([]);
  });

  it('fails when nearly every multiple-response item has the same k', () => {
    expect(cueProblems(cueReport([3, 3, 3, 3, 3, 3, 2, 4].map(multiple)))).toEqual([]);
    expect(cueProblems(cueReport([3, 3, 3, 3, 3, 3, 3, 2].map(multiple)))).toEqual([
      '88% of multiple-response items have the same number of correct options (limit 75%)',
    ]);
  });

  it('leaves a bank too small to judge alone', () => {
    expect(cueProblems(cueReport(bank([0, 0, 0, 0, 0, 0, 0], 7)))).toEqual([]);
    expect(CUE_LIMITS.minItems).toBe(8);
  });
});
