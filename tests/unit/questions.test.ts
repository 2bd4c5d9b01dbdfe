import { describe, expect, it } from 'vitest';
import { questionSchema, singleSchema, type Question } from '../../src/schemas/question';
import {
  attemptsLeft,
  correctAnswerText,
  drawQuestions,
  feedbackFor,
  grade,
  isComplete,
  isFinished,
  optionOrder,
  overallMessage,
  random,
  scoreAttempt,
  shuffle,
} from '../../src/lib/questions';

const single = singleSchema.parse({
  id: 'q-single', objective: 'l1-define', use: 'check', kind: 'single', prompt: 'Which one?', explanation: 'Because B is right.',
  options: [
    { id: 'a', text: 'A', feedback: 'A is wrong.' },
    { id: 'b', text: 'B', correct: true, feedback: 'B is right.' },
    { id: 'c', text: 'C', feedback: 'C is wrong.' },
  ],
});
const multiple = questionSchema.parse({
  id: 'q-multi', objective: 'l1-define', use: 'check', kind: 'multiple', prompt: 'Which ones?', explanation: 'A and C are right.',
  feedback: { partial: 'Some of it.' },
  options: [
    { id: 'a', text: 'A', correct: true, feedback: 'A is right.' },
    { id: 'b', text: 'B', feedback: 'B is wrong.' },
    { id: 'c', text: 'C', correct: true, feedback: 'C is right.' },
    { id: 'd', text: 'D', feedback: 'D is wrong.' },
  ],
});
const classify = questionSchema.parse({
  id: 'q-sort', objective: 'l1-classify', use: 'check', kind: 'classify', prompt: 'Sort these.', explanation: 'As follows.', attempts: 3,
  categories: [{ id: 'x', label: 'Ex' }, { id: 'y', label: 'Why' }],
  items: [
    { id: 'i1', text: 'one', category: 'x', feedback: 'One is x.' },
    { id: 'i2', text: 'two', category: 'y' },
    { id: 'i3', text: 'three', category: 'x' },
    { id: 'i4', text: 'four', category: 'y' },
  ],
});

describe('grading', () => {
  it('single choice is right or wrong', () => {
    expect(grade(single, { kind: 'single', choice: 'b' })).toEqual({ outcome: 'correct', score: 1 });
    expect(grade(single, { kind: 'single', choice: 'a' })).toEqual({ outcome: 'incorrect', score: 0 });
  });

  it('multiple response gives partial credit and takes it back for wrong choices', () => {
    expect(grade(multiple, { kind: 'multiple', choices: ['a', 'c'] })).toEqual({ outcome: 'correct', score: 1 });
    expect(grade(multiple, { kind: 'multiple', choices: ['a'] })).toEqual({ outcome: 'partial', score: 0.5 });
    expect(grade(multiple, { kind: 'multiple', choices: ['a', 'c', 'b'] })).toEqual({ outcome: 'partial', score: 0.5 });
    expect(grade(multiple, { kind: 'multiple', choices: ['a', 'b'] })).toEqual({ outcome: 'incorrect', score: 0 });
    expect(grade(multiple, { kind: 'multiple', choices: ['a', 'b', 'c', 'd'] })).toEqual({ outcome: 'incorrect', score: 0 });
    expect(grade(multiple, { kind: 'multiple', choices: ['zzz'] })).toEqual({ outcome: 'incorrect', score: 0 });
  });

  it('classification scores the share of items placed right', () => {
    const all = { i1: 'x', i2: 'y', i3: 'x', i4: 'y' };
    expect(grade(classify, { kind: 'classify', placements: all })).toEqual({ outcome: 'correct', score: 1 });
    expect(grade(classify, { kind: 'classify', placements: { ...all, i4: 'x' } })).toEqual({ outcome: 'partial', score: 0.75 });
    expect(grade(classify, { kind: 'classify', placements: { i1: 'y', i2: 'x', i3: 'y', i4: 'x' } })).toEqual({ outcome: 'incorrect', score: 0 });
  });

  it('an answer of another kind is wrong, not an error', () => {
    expect(grade(single, { kind: 'multiple', choices: ['b'] })).toEqual({ outcome: 'incorrect', score: 0 });
  });

  it('knows when a response is complete enough to check', () => {
    expect(isComplete(single, { kind: 'single', choice: '' })).toBe(false);
    expect(isComplete(multiple, { kind: 'multiple', choices: [] })).toBe(false);
    expect(isComplete(classify, { kind: 'classify', placements: { i1: 'x' } })).toBe(false);
    expect(isComplete(classify, { kind: 'classify', placements: { i1: 'x', i2: 'x', i3: 'x', i4: 'x' } })).toBe(true);
  });
});

describe('feedback', () => {
  it('shows feedback for the choices made and hides missed correct options until finished', () => {
    const open = feedbackFor(multiple, { kind: 'multiple', choices: ['a', 'b'] }, false);
    expect(open.lines.map((l) => [l.id, l.chosen, l.correct])).toEqual([['a', true, true], ['b', true, false]]);
    expect(open.missedHint).toBe(true);
    const done = feedbackFor(multiple, { kind: 'multiple', choices: ['a', 'b'] }, true);
    expect(done.lines.map((l) => [l.id, l.chosen, l.correct])).toEqual([['a', true, true], ['b', true, false], ['c', false, true]]);
    expect(done.lines[2]?.text).toBe('C is right.');
  });

  it('names where a misplaced item belongs only once finished', () => {
    const placements = { i1: 'y', i2: 'y', i3: 'x', i4: 'y' };
    expect(feedbackFor(classify, { kind: 'classify', placements }, false).lines[0]?.text).toBe('Placed in Why: not right.');
    expect(feedbackFor(classify, { kind: 'classify', placements }, true).lines[0]?.text).toBe('Placed in Why; it belongs in Ex. One is x.');
  });

  it('uses the question’s overall messages, with defaults', () => {
    expect(overallMessage(multiple, 'partial')).toBe('Some of it.');
    expect(overallMessage(multiple, 'correct')).toBe('Well done.');
  });

  it('spells out the correct answer', () => {
    expect(correctAnswerText(multiple)).toEqual(['A', 'C']);
    expect(correctAnswerText(classify)[0]).toBe('one → Ex');
  });
});

describe('attempts', () => {
  const at = '2026-01-01T00:00:00.000Z';
  it('a check is finished when right or out of tries', () => {
    expect(isFinished(single, undefined)).toBe(false);
    expect(isFinished(single, { response: { kind: 'single', choice: 'a' }, attempts: 1, score: 0, at })).toBe(false);
    expect(isFinished(single, { response: { kind: 'single', choice: 'a' }, attempts: 2, score: 0, at })).toBe(true);
    expect(isFinished(single, { response: { kind: 'single', choice: 'b' }, attempts: 1, score: 1, at })).toBe(true);
    expect(attemptsLeft(classify, { response: { kind: 'classify', placements: {} }, attempts: 1, score: 0, at })).toBe(2);
  });
});

describe('seeded draw', () => {
  const bank = Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, group: `lesson-${i % 7}` }));

  it('the same seed gives the same draw; another seed another', () => {
    expect(drawQuestions(bank, 13, 42)).toEqual(drawQuestions(bank, 13, 42));
    expect(drawQuestions(bank, 13, 42)).not.toEqual(drawQuestions(bank, 13, 43));
  });

  it('draws distinct questions covering every group before repeating one', () => {
    const drawn = drawQuestions(bank, 13, 7);
    expect(new Set(drawn).size).toBe(13);
    const groups = new Set(drawn.map((id) => bank.find((b) => b.id === id)?.group));
    expect(groups.size).toBe(7);
  });

  it('refuses to draw more than the bank holds', () => {
    expect(() => drawQuestions(bank.slice(0, 5), 6, 1)).toThrow(/bank of 5/);
  });

  it('the generator and shuffle are deterministic permutations', () => {
    const a = random(1);
    const values = [a(), a(), a()];
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const b = random(1);
    expect([b(), b(), b()]).toEqual(values);
    expect(shuffle([1, 2, 3, 4, 5], random(9)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(optionOrder(single.options, 5, 'q-single').map((o) => o.id)).toEqual(optionOrder(single.options, 5, 'q-single').map((o) => o.id));
  });
});

describe('question schema refuses broken questions, naming the question', () => {
  const base = { objective: 'l1-define', use: 'check', prompt: 'Which one?', explanation: 'Because it is.' };
  const messages = (q: unknown) => questionSchema.safeParse(q).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('a question without a correct answer', () => {
    expect(messages({ ...base, id: 'no-right', kind: 'single', options: [{ id: 'a', text: 'A', feedback: 'No, wrong.' }, { id: 'b', text: 'B', feedback: 'No, wrong.' }] }))
      .toEqual(['options: question "no-right": a single-choice question needs exactly one correct option (found 0)']);
    expect(messages({ ...base, id: 'no-right-m', kind: 'multiple', options: ['a', 'b', 'c'].map((id) => ({ id, text: id, feedback: 'No, wrong.' })) }))
      .toEqual(['options: question "no-right-m": no option is marked correct']);
  });

  it('duplicate option ids', () => {
    expect(messages({ ...base, id: 'dup', kind: 'single', options: [{ id: 'a', text: 'A', correct: true, feedback: 'Yes, right.' }, { id: 'a', text: 'B', feedback: 'No, wrong.' }] }))
      .toEqual(['options: question "dup": option id "a" is used twice']);
  });

  it('a classification item without a valid category', () => {
    const q = { ...base, id: 'sort', kind: 'classify', categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }], items: [
      { id: 'i1', text: 'one', category: 'x' }, { id: 'i2', text: 'two', category: 'y' }, { id: 'i3', text: 'three', category: 'z' }, { id: 'i4', text: 'four', category: 'x' },
    ] };
    expect(messages(q)).toEqual(['items.2.category: question "sort": item "i3" has category "z", which is not one of the categories (x, y)']);
    const missing = { ...q, items: q.items.map((i, n) => (n === 0 ? { id: 'i1', text: 'one' } : i)).slice(0, 4) };
    expect(messages(missing).some((m) => m.startsWith('items.0.category'))).toBe(true);
  });

  it('an unknown field, and feedback keyed to no option cannot be written', () => {
    expect(messages({ ...base, id: 'extra', kind: 'single', optionFeedback: { z: 'x' }, options: [{ id: 'a', text: 'A', correct: true, feedback: 'Yes, right.' }, { id: 'b', text: 'B', feedback: 'No, wrong.' }] })[0])
      .toMatch(/optionFeedback/);
  });
});

export type { Question };

describe('scoring an assessment attempt', () => {
  it('scores with partial credit, against the pass mark, by objective', () => {
    const result = scoreAttempt(
      [single, multiple, classify],
      {
        'q-single': { kind: 'single', choice: 'b' },
        'q-multi': { kind: 'multiple', choices: ['a'] },
      },
      80,
      ['l1-classify', 'l1-define'],
    );
    expect(result.questions.map((q) => [q.id, q.score, q.outcome, q.answered])).toEqual([
      ['q-single', 1, 'correct', true],
      ['q-multi', 0.5, 'partial', true],
      ['q-sort', 0, 'incorrect', false],
    ]);
    expect(result.score).toBe(50);
    expect(result.passed).toBe(false);
    expect(result.objectives).toEqual([
      { objective: 'l1-classify', score: 0, items: 1, percent: 0 },
      { objective: 'l1-define', score: 1.5, items: 2, percent: 75 },
    ]);
  });

  it('passes at exactly the pass mark', () => {
    const all = { 'q-single': { kind: 'single', choice: 'b' } } as const;
    expect(scoreAttempt([single], all, 100)).toMatchObject({ score: 100, passed: true });
    expect(scoreAttempt([single, multiple, classify, single], { 'q-single': { kind: 'single', choice: 'b' }, 'q-multi': { kind: 'multiple', choices: ['a', 'c'] }, 'q-sort': { kind: 'classify', placements: { i1: 'x', i2: 'y', i3: 'x', i4: 'x' } } }, 80)).toMatchObject({ score: 94, passed: true });
  });
});
