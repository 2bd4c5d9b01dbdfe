/**
 * Importing a progress file keeps only what the course can use; everything else is set aside,
 * counted and explained, and a file with nothing usable is refused. One test per kind of bad input.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, decode, encode, fromData, type Progress } from '../../src/lib/progress';
import { answerFact, diagnosticFact, fit, isEmpty, replays, scenarioFact, setAsideMessage, type CourseContent } from '../../src/lib/progress/fit';
import { EXPORT_FORMAT } from '../../src/lib/progress/file';
import { parseImport } from '../../src/lib/progress/transfer';
import { fromOutside } from '../../src/lib/progress/records';

const T1 = '2026-11-20T08:00:00.000Z';
const T2 = '2026-11-20T09:00:00.000Z';

const content: CourseContent = {
  checks: {
    'q-single': { kind: 'single', options: ['a', 'b'] },
    'q-multi': { kind: 'multiple', options: ['a', 'b', 'c'] },
    'q-sort': { kind: 'classify', items: ['x', 'y'], categories: ['p', 'q'] },
  },
  bank: {
    b1: { kind: 'single', options: ['a', 'b'] },
    b2: { kind: 'multiple', options: ['a', 'b', 'c'] },
  },
  notes: ['n1', 'n2'],
  scenarios: { s1: { start: 'd1', nodes: { d1: { go: 'd2', stop: 'end' }, d2: { fin: 'end' } }, endings: ['good', 'bad'] } },
  diagnostic: { answers: 3, flags: 2 },
};
const facts = { lessonIds: ['one', 'two'], content };

/** What the learner had: lesson one completed. Every test file adds entries to it. */
const base = { version: PROGRESS_VERSION as typeof PROGRESS_VERSION, lessons: { one: { visitedAt: T1, completedAt: T2 } }, updatedAt: T2 };

const goodCheck = { response: { kind: 'single', choice: 'a' }, attempts: 1, score: 1, at: T1 };
const goodAttempt = { seed: 4, startedAt: T1, questions: ['b1', 'b2'], answers: { b1: { kind: 'single', choice: 'b' } } };

function fileText(progress: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, course: 'leading-together', version: PROGRESS_VERSION, exportedAt: T2, progress, ...extra });
}
const parse = (text: string) => parseImport(text, text.length, 'leading-together', facts);

/** Parses and expects an import that kept something: returns the result. */
function imported(progress: unknown) {
  const result = parse(fileText(progress));
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

describe('an import keeps what the course can use and sets the rest aside', () => {
  it('sets aside lessons and a bookmark this course does not have', () => {
    const result = imported({ ...base, lessons: { ...base.lessons, ghost: { visitedAt: T1 }, gone: { completedAt: T1 } }, location: { lesson: 'ghost', at: T2 } });
    expect(result.progress.lessons).toEqual(base.lessons);
    expect(result.progress.location).toBeUndefined();
    expect(result.setAside).toEqual({ lesson: 3 });
    expect(result.warnings.map((w) => w.message)).toEqual(['3 entries were set aside: 3 name lessons this course does not have.']);
  });

  it('sets aside knowledge checks, notes and scenarios this course does not have', () => {
    const result = imported({
      ...base,
      checks: { 'q-single': goodCheck, 'no-such-check': goodCheck, b1: goodCheck },
      notes: { n1: { text: 'Kept', at: T1 }, ghost: { text: 'Gone', at: T1 } },
      scenarios: { s1: { path: ['go'], endings: [], at: T1 }, s9: { path: [], endings: [], at: T1 } },
    });
    expect(result.progress.checks).toEqual({ 'q-single': goodCheck });
    expect(result.progress.notes).toEqual({ n1: { text: 'Kept', at: T1 } });
    expect(result.progress.scenarios).toEqual({ s1: { path: ['go'], endings: [], at: T1 } });
    // A bank question is not a knowledge check: its id is not one this course checks in a lesson.
    expect(result.setAside).toEqual({ question: 2, note: 1, scenario: 1 });
    expect(result.warnings[0]?.message).toBe(
      '4 entries were set aside: 2 name questions this course does not have; 1 names a note this course does not have; 1 names a scenario this course does not have.',
    );
  });

  it('sets aside questions answered with the wrong kind of answer or an answer they do not offer', () => {
    const result = imported({
      ...base,
      checks: {
        'q-single': { ...goodCheck, response: { kind: 'multiple', choices: ['a'] } },
        'q-multi': { ...goodCheck, response: { kind: 'multiple', choices: ['a', 'c'] } },
        'q-sort': { ...goodCheck, response: { kind: 'classify', placements: { x: 'p', y: 'nowhere' } } },
      },
      assessments: [goodAttempt, { ...goodAttempt, seed: 5, answers: { b2: { kind: 'single', choice: 'a' } } }],
    });
    expect(Object.keys(result.progress.checks ?? {})).toEqual(['q-multi']);
    expect(result.progress.assessments).toEqual([goodAttempt]);
    expect(result.setAside).toEqual({ answer: 2, option: 1 });
    expect(result.warnings[0]?.message).toBe(
      '3 entries were set aside: 2 answer questions with the wrong kind of answer; 1 gives an answer its question does not offer.',
    );
  });

  it('sets aside assessment attempts on questions the bank does not have, and keeps scenario runs their scenario cannot replay as earlier runs', () => {
    const result = imported({
      ...base,
      assessments: [goodAttempt, { ...goodAttempt, seed: 6, questions: ['b1', 'ghost'] }, { ...goodAttempt, seed: 7, answers: { b2: { kind: 'multiple', choices: ['a'] } }, questions: ['b1'] }],
      scenarios: {
        s1: { path: ['go', 'fin', 'go'], endings: [], at: T1 },
      },
      diagnostics: [{ answers: [1, 2, 3], flags: [true, false], at: T1 }, { answers: [1, 2], flags: [true, false], at: T2 }],
    });
    expect(result.progress.assessments).toEqual([goodAttempt]);
    expect(result.progress.scenarios).toEqual({ s1: { path: [], endings: [], at: T1, earlier: [{ path: ['go', 'fin', 'go'], endings: [], at: T1 }] } });
    expect(result.progress.diagnostics).toEqual([{ answers: [1, 2, 3], flags: [true, false], at: T1 }]);
    expect(result.setAside).toEqual({ question: 2, diagnostic: 1 });
  });

  it('keeps a scenario run that reached an ending the scenario no longer has: the ending that exists stays counted, the other is kept as earlier', () => {
    const result = imported({ ...base, scenarios: { s1: { path: ['stop'], endings: ['good', 'made-up'], at: T1 } } });
    expect(result.progress.scenarios).toEqual({ s1: { path: ['stop'], endings: ['good'], at: T1, earlier: [{ path: [], endings: ['made-up'], at: T1 }] } });
    expect(result.setAside).toEqual({});
  });

  it('keeps an exported run with earlier-version history, and drops only a damaged history', () => {
    const earlier = [{ path: ['directive', 'delegating'], endings: ['gone'], at: T1 }];
    expect(imported({ ...base, scenarios: { s1: { path: ['go'], endings: ['good'], at: T2, earlier } } }).progress.scenarios).toEqual({ s1: { path: ['go'], endings: ['good'], at: T2, earlier } });
    expect(imported({ ...base, scenarios: { s1: { path: ['go'], endings: ['good'], at: T2, earlier: [{ path: 'x' }] } } }).progress.scenarios).toEqual({ s1: { path: ['go'], endings: ['good'], at: T2 } });
  });

  it('sets aside top-level fields of the wrong type, and fields progress does not have', () => {
    const result = imported({ ...base, checks: [goodCheck], notes: 'my notes', plan: 5, learnerName: ['Ada'], diagnostics: {}, updatedAt: 12, badges: ['gold'] });
    expect(result.progress).toEqual({ version: PROGRESS_VERSION, lessons: base.lessons });
    expect(result.setAside).toEqual({ form: 7 });
    expect(result.warnings[0]?.message).toBe('7 entries were set aside: 7 are not in a form this course can read.');
  });

  it('sets aside entries with a wrong type inside them', () => {
    const result = imported({
      ...base,
      lessons: { ...base.lessons, two: { visitedAt: T1, completedAt: 5 } },
      checks: { 'q-single': { ...goodCheck, attempts: '2' }, 'q-multi': { ...goodCheck, response: { kind: 'multiple', choices: 'a' } } },
      notes: { n1: { text: 42, at: T1 }, n2: { text: 'Kept', at: T1 } },
      scenarios: { s1: { path: 'go', endings: [], at: T1 } },
      assessments: [{ ...goodAttempt, questions: 'b1' }],
    });
    expect(result.progress.lessons).toEqual({ ...base.lessons, two: { visitedAt: T1 } });
    expect(result.progress.checks).toEqual({});
    expect(result.progress.notes).toEqual({ n2: { text: 'Kept', at: T1 } });
    expect(result.progress.scenarios).toEqual({});
    expect(result.progress.assessments).toEqual([]);
    expect(result.setAside).toEqual({ form: 6 });
  });

  it('sets aside negative, fractional and huge numbers (1e400 reads as Infinity)', () => {
    const text = fileText({
      ...base,
      checks: { 'q-single': { ...goodCheck, attempts: -1 }, 'q-multi': { ...goodCheck, response: { kind: 'multiple', choices: ['a'] }, score: 1.5 }, 'q-sort': { ...goodCheck, attempts: 'HUGE' } },
      diagnostics: [{ answers: [1, 2, 9], flags: [true, false], at: T1 }],
      assessments: [{ ...goodAttempt, seed: -4 }, { ...goodAttempt, seed: 2.5 }, { ...goodAttempt, seed: 9, submittedAt: T2, score: 'HUGE', passed: true }],
    }).replaceAll('"HUGE"', '1e400');
    const result = parse(text);
    expect(result).toMatchObject({ ok: true, setAside: { form: 7 } });
    if (result.ok) {
      expect(result.progress.checks).toEqual({});
      expect(result.progress.diagnostics).toEqual([]);
      expect(result.progress.assessments).toEqual([]);
      expect(result.progress.lessons).toEqual(base.lessons);
    }
  });

  it('sets aside NaN and infinite numbers in data from elsewhere (an LMS copy) too', () => {
    const decoded = fromData({ ...base, checks: { 'q-single': { ...goodCheck, score: Number.NaN }, 'q-multi': { ...goodCheck, attempts: Number.POSITIVE_INFINITY } }, assessments: [{ ...goodAttempt, seed: Number.NaN }] }, facts);
    expect(decoded.progress.checks).toEqual({});
    expect(decoded.progress.assessments).toEqual([]);
    expect(decoded.problems).toEqual([expect.objectContaining({ code: 'invalid-field', entries: ['checks.q-single', 'checks.q-multi', 'assessments[0]'] })]);
  });

  it('keeps an imported attempt’s LMS marker out of what reaches the store', () => {
    const result = imported({ ...base, assessments: [{ ...goodAttempt, submittedAt: T2, score: 92, passed: true, lms: true }] });
    expect(result.progress.assessments?.[0]).toMatchObject({ score: 92, passed: true });
    expect(fromOutside(result.progress).assessments?.[0]).not.toHaveProperty('lms');
  });
});

describe('an import with nothing usable is refused', () => {
  it.each([
    ['only lessons this course does not have', { version: PROGRESS_VERSION, lessons: { ghost: { completedAt: T1 } } }, { lesson: 1 }],
    ['only unknown questions and notes', { lessons: {}, checks: { nope: goodCheck }, notes: { nope: { text: 'x', at: T1 } } }, { question: 1, note: 1 }],
    ['only answers of the wrong kind', { lessons: {}, checks: { 'q-sort': { ...goodCheck } } }, { answer: 1 }],
    ['only fields of the wrong type', { lessons: 'all of them', checks: 7, updatedAt: T1 }, { form: 2 }],
  ])('%s', (_name, progress, setAside) => {
    const result = parse(fileText(progress));
    expect(result).toMatchObject({ ok: false, setAside });
    if (!result.ok) expect(result.message).toMatch(/^This progress file has nothing this course can use\. \d+ (entry was|entries were) set aside: .+\. Nothing was changed\.$/);
  });

  it('says which, in its message', () => {
    const result = parse(fileText({ lessons: { ghost: { visitedAt: T1 }, other: { visitedAt: T1 } }, checks: { 'q-single': { ...goodCheck, response: { kind: 'classify', placements: {} } } } }));
    expect(result).toEqual({
      ok: false,
      setAside: { lesson: 2, answer: 1 },
      message:
        'This progress file has nothing this course can use. 3 entries were set aside: 2 name lessons this course does not have; 1 answers a question with the wrong kind of answer. Nothing was changed.',
    });
  });

  it('refuses a progress that is an array', () => {
    const result = parse(fileText([{ lessons: { one: { completedAt: T1 } } }]));
    expect(result).toEqual({ ok: false, message: 'This progress file contains no progress. Nothing was changed.' });
  });

  it('refuses a file whose progress is empty', () => {
    expect(parse(fileText({ lessons: {}, updatedAt: T1 }))).toMatchObject({ ok: false, message: expect.stringMatching(/contains no progress/) });
  });
});

describe('prototype keys', () => {
  /** Every own key at any depth. */
  function keys(value: unknown): string[] {
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]);
  }
  function prototypes(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return true;
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === Array.prototype) && Object.values(value).every(prototypes);
  }
  const evil = (inner: string) => inner.replaceAll('"PROTO"', '"__proto__"');
  const text = evil(
    fileText({
      PROTO: { lessons: { two: { completedAt: T1 } }, polluted: true },
      constructor: { prototype: { polluted: true } },
      ...base,
      lessons: { ...base.lessons, PROTO: { completedAt: T1 }, constructor: { visitedAt: T1 }, two: { visitedAt: T1, PROTO: { completedAt: T1 } } },
      checks: {
        PROTO: goodCheck,
        constructor: goodCheck,
        prototype: goodCheck,
        'q-sort': { ...goodCheck, response: { kind: 'classify', placements: { x: 'p', PROTO: 'q' } } },
        'q-multi': { ...goodCheck, PROTO: { score: 0 }, response: { kind: 'multiple', choices: ['a'] } },
      },
      notes: { PROTO: { text: 'x', at: T1 }, n1: { text: 'Kept', at: T1 } },
      scenarios: { constructor: { path: [], endings: [], at: T1 } },
      assessments: [{ ...goodAttempt, answers: { PROTO: { kind: 'single', choice: 'a' } } }],
    }),
  );

  it('never pollute anything, at any depth, and are set aside', () => {
    expect(text).toContain('"__proto__":{"lessons"');
    const result = parse(text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(prototypes(result.progress)).toBe(true);
    expect(keys(result.progress).filter((k) => ['__proto__', 'constructor', 'prototype'].includes(k))).toEqual([]);
    expect(encode(result.progress)).not.toMatch(/__proto__|constructor|prototype|polluted/);
    expect(result.progress.lessons).toEqual({ ...base.lessons, two: { visitedAt: T1 } });
    expect(result.progress.checks).toEqual({ 'q-multi': { ...goodCheck, response: { kind: 'multiple', choices: ['a'] } } });
    expect(result.progress.notes).toEqual({ n1: { text: 'Kept', at: T1 } });
    expect(result.progress.scenarios).toEqual({});
    expect(result.progress.assessments).toEqual([]);
    // Form: two top-level keys, three check ids and a placement, a note, a scenario, an attempt's answer.
    expect(result.setAside).toEqual({ form: 9, lesson: 2 });
  });

  it('in stored progress are left out too, and pollute nothing', () => {
    const stored = evil(JSON.stringify({ ...base, checks: { PROTO: goodCheck, 'q-single': goodCheck }, notes: { constructor: { text: 'x', at: T1 } } }));
    const { progress } = decode(stored, facts);
    expect(prototypes(progress)).toBe(true);
    expect(progress.checks).toEqual({ 'q-single': goodCheck });
    expect(progress.notes).toEqual({});
    expect(Object.getPrototypeOf(progress.checks)).toBe(Object.prototype);
  });
});

describe('fit', () => {
  it('looks up only the course’s own ids, never inherited members', () => {
    const progress: Progress = { ...base, checks: { toString: goodCheck as never, hasOwnProperty: goodCheck as never }, notes: { toString: { text: 'x', at: T1 } }, scenarios: { valueOf: { path: [], endings: [], at: T1 } } };
    expect(fit(progress, content).aside).toEqual({ question: 2, note: 1, scenario: 1 });
    expect(replays(content.scenarios['s1']!, ['toString'])).toBe(false);
  });

  it('replays a path from the start and stops at the end', () => {
    const s1 = content.scenarios['s1']!;
    expect(replays(s1, [])).toBe(true);
    expect(replays(s1, ['go', 'fin'])).toBe(true);
    expect(replays(s1, ['stop'])).toBe(true);
    expect(replays(s1, ['fin'])).toBe(false);
    expect(replays(s1, ['stop', 'go'])).toBe(false);
  });

  it('builds its facts from the course’s questions and scenarios', () => {
    expect(answerFact({ kind: 'single', options: [{ id: 'a' }, { id: 'b' }] } as never)).toEqual({ kind: 'single', options: ['a', 'b'] });
    expect(answerFact({ kind: 'classify', items: [{ id: 'x' }], categories: [{ id: 'p' }, { id: 'q' }] } as never)).toEqual({ kind: 'classify', items: ['x'], categories: ['p', 'q'] });
    const scenario = { start: 'd1', nodes: [{ id: 'd1', choices: [{ id: 'go', next: 'end' }] }], endings: [{ id: 'good' }] };
    expect(scenarioFact(scenario as never)).toEqual({ start: 'd1', nodes: { d1: { go: 'end' } }, endings: ['good'] });
  });

  it('says nothing when nothing was set aside, and counts one and many', () => {
    expect(setAsideMessage({})).toBe('');
    expect(setAsideMessage({ form: 1 })).toBe('1 entry was set aside: 1 is not in a form this course can read.');
    expect(setAsideMessage({ option: 1, lesson: 2, note: 2 })).toBe(
      '5 entries were set aside: 2 name lessons this course does not have; 2 name notes this course does not have; 1 gives an answer its question does not offer.',
    );
  });

  it('treats progress with only a time of last change as empty', () => {
    expect(isEmpty({ version: PROGRESS_VERSION, lessons: {}, checks: {}, notes: {}, updatedAt: T1 })).toBe(true);
    expect(isEmpty({ version: PROGRESS_VERSION, lessons: {}, learnerName: { text: 'Ada', at: T1 } })).toBe(false);
  });
});

describe('the diagnostic as an import reads it', () => {
  it('counts the statements of every dimension and the red flags', () => {
    expect(diagnosticFact({ dimensions: [{ statements: [1, 2, 3] }, { statements: [4] }], integrity: { flags: ['a', 'b'] } })).toEqual({ answers: 4, flags: 2 });
  });
});
