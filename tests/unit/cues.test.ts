import { describe, expect, it } from 'vitest';
import { cueReport, formatCueReport, hasAbsoluteWord } from '../../src/lib/questions/cues';

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
