import { describe, expect, it } from 'vitest';
import { addDays, checkInCalendar, checkInDate, escapeText, foldLine } from '../../src/lib/retrieval/ics';
import { compare, precheckStep, recordPrecheck, skipPrecheck } from '../../src/lib/retrieval/precheck';
import { drawReview, recordReview, reviewItems } from '../../src/lib/retrieval/review';
import { decode, encode } from '../../src/lib/progress/codec';
import { merge } from '../../src/lib/progress/merge';
import { fit, type CourseContent } from '../../src/lib/progress/fit';
import { exportFile } from '../../src/lib/progress/file';
import { emptyProgress, type Progress } from '../../src/lib/progress/types';

const facts = { lessonIds: ['a', 'b'] };
const T1 = '2026-12-01T10:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';

describe('ics', () => {
  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
  it('folds at 75 octets, never inside a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(80)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
  it('adds days across months and leap years', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-15', 30)).toBe('2028-03-16');
  });
  it('builds one all-day VEVENT 30 days after the plan, with the plan in the description', () => {
    const text = checkInCalendar({
      plan: { decision: 'Spending approval, up to a limit', mechanism: 'A delegation agreement', owner: 'Sam; supervisor', measures: ['Days to order', 'Reversals', ''], checkIn: '2027-03-01', at: '2026-12-03T09:00:00.000Z' },
      courseTitle: 'Leading Together',
      now: '2026-12-03T16:30:00.000Z',
      domain: 'example.org',
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270102\r\n');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270103\r\n');
    expect(unfolded).toContain('DTSTAMP:20261203T163000Z\r\n');
    expect(unfolded).toMatch(/\r\nUID:[^\r]+@example\.org\r\n/);
    expect(unfolded).toContain('SUMMARY:30-day check-in: Spending approval\\, up to a limit\r\n');
    expect(unfolded).toContain('Owner: Sam\\; supervisor\\nMeasures: Days to order\\; Reversals');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
  it('dates the check-in from today when the plan has no date', () => {
    expect(checkInDate({}, '2026-12-03T23:59:00.000Z')).toBe('2027-01-02');
  });
});

const statements = [
  { id: 's1', evidence: 'disagree' as const },
  { id: 's2', evidence: 'agree' as const },
];

describe('pre-check', () => {
  it('shows then vs now and which agree with the evidence', () => {
    let p = recordPrecheck(emptyProgress(), 'before', { s1: 'agree', s2: 'agree' }, T1);
    p = recordPrecheck(p, 'after', { s1: 'disagree', s2: 'unsure' }, T2);
    const { rows, thenFit, nowFit } = compare(statements, p.precheck);
    expect(rows.map((r) => r.change)).toEqual(['closer', 'away']);
    expect([thenFit, nowFit]).toEqual([1, 1]);
  });
  it('keeps the first skip, and a before is not replaced once an after exists', () => {
    let p = skipPrecheck(emptyProgress(), T1);
    expect(skipPrecheck(p, T2)).toBe(p);
    p = recordPrecheck(p, 'after', { s1: 'disagree' }, T2);
    expect(recordPrecheck(p, 'before', { s1: 'agree' }, T2)).toBe(p);
  });
  it('round-trips through the codec and sets aside a damaged pre-check', () => {
    const p = recordPrecheck(emptyProgress(), 'before', { s1: 'agree' }, T1);
    expect(decode(encode(p), facts).progress.precheck).toEqual(p.precheck);
    const bad = decode(JSON.stringify({ ...p, precheck: { before: { answers: { s1: 'maybe' }, at: T1 } } }), facts);
    expect(bad.progress.precheck).toBeUndefined();
    expect(bad.problems[0]?.entries).toContain('precheck');
  });
  it('merges two copies: the first before, the newer after', () => {
    const a: Progress = { ...emptyProgress(), precheck: { before: { answers: { s1: 'agree' }, at: T1 } } };
    const b: Progress = { ...emptyProgress(), precheck: { before: { answers: { s1: 'disagree' }, at: T2 }, after: { answers: { s1: 'disagree' }, at: T2 } } };
    expect(merge(a, b).precheck).toEqual({ before: a.precheck?.before, after: b.precheck?.after });
    expect(merge(b, a)).toEqual(merge(a, b));
  });
});

const pools = [
  { lesson: 'l1', questions: ['q1', 'q2', 'q3'] },
  { lesson: 'l2', questions: ['q4', 'q5'] },
];

describe('spaced review', () => {
  it('draws across lessons before repeating one, stable for a seed, different across seeds', () => {
    const draw = drawReview(pools, 2, 7);
    expect(new Set(draw.map((q) => (['q1', 'q2', 'q3'].includes(q) ? 'l1' : 'l2'))).size).toBe(2);
    expect(drawReview(pools, 2, 7)).toEqual(draw);
    const seen = new Set(Array.from({ length: 20 }, (_, s) => drawReview(pools, 3, s).join()));
    expect(seen.size).toBeGreaterThan(1);
  });
  it('asks first what was missed in the lesson', () => {
    const checks = { q1: { response: { kind: 'single' as const, choice: 'a' }, attempts: 1, score: 1, at: T1 }, q2: { response: { kind: 'single' as const, choice: 'a' }, attempts: 1, score: 1, at: T1 } };
    expect(drawReview([pools[0]!], 1, 3, checks)).toEqual(['q3']);
  });
  it('keeps the draw from the first answer and leaves the earlier checks alone', () => {
    const start: Progress = { ...emptyProgress(), lessons: { l1: { visitedAt: T1 } } };
    const items = reviewItems('r', pools, 2, start);
    const p = recordReview(start, 'r', items, items[0]!, { kind: 'single', choice: 'a' }, 1, T2);
    expect(p.checks).toBeUndefined();
    expect(reviewItems('r', [{ lesson: 'l9', questions: ['x'] }], 2, p)).toEqual(items);
    expect(recordReview(p, 'r', items, items[0]!, { kind: 'single', choice: 'b' }, 0, T2).reviews?.['r']?.answers[items[0]!]?.attempts).toBe(2);
  });
  it('round-trips, merges answers from two tabs, is exported, and fit sets aside unknown reviews', () => {
    const one = recordReview(emptyProgress(), 'r', ['q1', 'q4'], 'q1', { kind: 'single', choice: 'a' }, 1, T1);
    const two = recordReview(emptyProgress(), 'r', ['q1', 'q4'], 'q4', { kind: 'single', choice: 'b' }, 0, T2);
    expect(decode(encode(one), facts).progress.reviews).toEqual(one.reviews);
    expect(Object.keys(merge(one, two).reviews?.['r']?.answers ?? {}).sort()).toEqual(['q1', 'q4']);
    expect(exportFile(one, 'c', T2).progress.reviews).toEqual(one.reviews);
    const content: CourseContent = { checks: { q1: { kind: 'single', options: ['a', 'b'] }, q4: { kind: 'single', options: ['a', 'b'] } }, bank: {}, notes: [], scenarios: {}, diagnostic: { answers: 0, flags: 0 }, reviews: { r: ['q1', 'q4'] }, precheck: ['s1'] };
    const ghost = { ...one, reviews: { ...one.reviews, ghost: { items: ['q1'], answers: {}, at: T1 } }, precheck: { before: { answers: { s1: 'agree' as const, zz: 'agree' as const }, at: T1 } } };
    const { progress, aside } = fit(ghost, content);
    expect(Object.keys(progress.reviews ?? {})).toEqual(['r']);
    expect(progress.precheck?.before?.answers).toEqual({ s1: 'agree' });
    expect(aside.question).toBe(2);
  });
});

describe('the pre-check page, step by step', () => {
  const at = '2026-03-01T10:00:00.000Z';
  it('asks for "before" answers until the learner answers or skips at the start, then for "after" answers', () => {
    expect(precheckStep(undefined)).toEqual({ round: 'before', form: true });
    expect(precheckStep({})).toEqual({ round: 'before', form: true });
    expect(precheckStep({ before: { answers: { s1: 'agree' }, at } })).toEqual({ round: 'after', form: false });
    expect(precheckStep({ skippedAt: at })).toEqual({ round: 'after', form: false });
    expect(precheckStep({ before: { answers: { s1: 'agree' }, at }, after: { answers: { s1: 'disagree' }, at } })).toEqual({ round: 'after', form: false });
  });
});
