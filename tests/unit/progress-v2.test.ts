import { describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  addDiagnostic,
  answerAssessment,
  decode,
  emptyProgress,
  encode,
  merge,
  recordCheck,
  setLearnerName,
  setNote,
  startAssessment,
  submitAssessment,
  type Progress,
} from '../../src/lib/progress';
import { unfinishedChecks } from '../../src/lib/questions';
import { courseCompletion } from '../../src/lib/progress/summary';

const facts = { lessonIds: ['leadership-in-the-plural', 'delegation-done-well'] };
const T1 = '2026-11-20T08:00:00.000Z';
const T2 = '2026-11-21T08:00:00.000Z';
const T3 = '2026-11-22T08:00:00.000Z';

/** Exactly what the course shell (data version 1) wrote for a learner who completed lesson 1. */
const savedByShell =
  '{"version":1,"lessons":{"leadership-in-the-plural":{"visitedAt":"2026-11-20T08:00:00.000Z","completedAt":"2026-11-20T08:40:00.000Z"},"delegation-done-well":{"visitedAt":"2026-11-21T09:00:00.000Z"}},"location":{"lesson":"delegation-done-well","section":"the-continuum","at":"2026-11-21T09:05:00.000Z"},"updatedAt":"2026-11-21T09:05:00.000Z"}';

describe('migration from the shell’s version 1', () => {
  it('keeps every lesson, the bookmark and the time, and adds the new parts empty', () => {
    expect(PROGRESS_VERSION).toBe(2);
    const { progress, problems } = decode(savedByShell, facts);
    expect(problems).toEqual([]);
    expect(progress).toEqual({
      version: 2,
      lessons: {
        'leadership-in-the-plural': { visitedAt: T1, completedAt: '2026-11-20T08:40:00.000Z' },
        'delegation-done-well': { visitedAt: '2026-11-21T09:00:00.000Z' },
      },
      location: { lesson: 'delegation-done-well', section: 'the-continuum', at: '2026-11-21T09:05:00.000Z' },
      checks: {},
      notes: {},
      updatedAt: '2026-11-21T09:05:00.000Z',
    });
  });
});

describe('answers, notes, diagnostics and assessments', () => {
  const full: Progress = (() => {
    let p = emptyProgress();
    p = recordCheck(p, 'l1-check-a', { kind: 'single', choice: 'b' }, 0, T1);
    p = recordCheck(p, 'l1-check-a', { kind: 'single', choice: 'c' }, 1, T2);
    p = recordCheck(p, 'l1-check-b', { kind: 'classify', placements: { one: 'x', two: 'y' } }, 0.5, T2);
    p = setNote(p, 'l1-reflect', 'My team decides rotas together.', T2);
    p = addDiagnostic(p, { answers: Array(24).fill(3), flags: [false, true, false, false, true, false], at: T2 });
    p = startAssessment(p, 42, ['q1', 'q2'], T2);
    p = answerAssessment(p, 42, 'q1', { kind: 'multiple', choices: ['a', 'c'] }, T2);
    p = submitAssessment(p, 42, 85, true, T3);
    p = setLearnerName(p, '  Ada Lovelace  ', T3);
    return p;
  })();

  it('record tries, keep notes, results and the name', () => {
    expect(full.checks?.['l1-check-a']).toEqual({ response: { kind: 'single', choice: 'c' }, attempts: 2, score: 1, at: T2 });
    expect(full.notes?.['l1-reflect']?.text).toBe('My team decides rotas together.');
    expect(full.assessments?.[0]).toMatchObject({ seed: 42, submittedAt: T3, score: 85, passed: true, answers: { q1: { kind: 'multiple', choices: ['a', 'c'] } } });
    expect(full.learnerName).toEqual({ text: 'Ada Lovelace', at: T3 });
  });

  it('round-trip through the codec unchanged', () => {
    expect(decode(encode(full), facts)).toEqual({ progress: full, problems: [] });
  });

  it('a submitted attempt takes no more answers', () => {
    expect(answerAssessment(full, 42, 'q2', { kind: 'single', choice: 'a' }, T3)).toBe(full);
  });

  it('an empty note is removed', () => {
    expect(setNote(full, 'l1-reflect', '', T3).notes).toEqual({});
  });

  it('drop unreadable answers but keep the rest, and say so', () => {
    const raw = JSON.parse(encode(full));
    raw.checks['l1-check-b'].response = { kind: 'essay', text: 'x' };
    raw.assessments.push({ seed: 'x' });
    const { progress, problems } = decode(JSON.stringify(raw), facts);
    expect(progress.checks).toEqual({ 'l1-check-a': full.checks?.['l1-check-a'] });
    expect(progress.assessments).toEqual(full.assessments);
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-field', message: expect.stringContaining('checks.l1-check-b') })]);
  });

  it('merge keeps the check with more tries, the newer note, and every attempt', () => {
    const other = setNote(recordCheck(emptyProgress(), 'l1-check-a', { kind: 'single', choice: 'b' }, 0, T3), 'l1-reflect', 'Newer text.', T3);
    const merged = merge(full, other);
    expect(merged.checks?.['l1-check-a']?.attempts).toBe(2);
    expect(merged.notes?.['l1-reflect']?.text).toBe('Newer text.');
    expect(merged.assessments).toHaveLength(1);
    expect(merge(full, other)).toEqual(merge(other, full));
    expect(merge(emptyProgress(), full)).toEqual(full);
  });

  it('merge prefers the submitted copy of the same attempt', () => {
    const started = startAssessment(emptyProgress(), 42, ['q1', 'q2'], T2);
    expect(merge(started, full).assessments?.[0]?.submittedAt).toBe(T3);
  });
});

describe('completion rules', () => {
  const checks = [{ id: 'a', attempts: 2 }, { id: 'b', attempts: 2 }];
  it('lists knowledge checks not finished', () => {
    let p = recordCheck(emptyProgress(), 'a', { kind: 'single', choice: 'x' }, 0, T1);
    expect(unfinishedChecks(p, checks)).toEqual(['a', 'b']);
    p = recordCheck(p, 'a', { kind: 'single', choice: 'x' }, 0, T1);
    p = recordCheck(p, 'b', { kind: 'single', choice: 'y' }, 1, T1);
    expect(unfinishedChecks(p, checks)).toEqual([]);
  });

  it('the course is completed when every lesson is and the assessment is passed', () => {
    let p: Progress = { ...emptyProgress(), lessons: { 'leadership-in-the-plural': { completedAt: T1 }, 'delegation-done-well': { completedAt: T2 } } };
    expect(courseCompletion(p, facts.lessonIds)).toEqual({ lessonsDone: true, passed: false, completed: false });
    p = startAssessment(p, 1, ['q'], T2);
    p = submitAssessment(p, 1, 60, false, T2);
    expect(courseCompletion(p, facts.lessonIds)).toEqual({ lessonsDone: true, passed: false, completed: false, score: 60 });
    p = startAssessment(p, 2, ['q'], T3);
    p = submitAssessment(p, 2, 92, true, T3);
    expect(courseCompletion(p, facts.lessonIds)).toEqual({ lessonsDone: true, passed: true, completed: true, score: 92, completedAt: T3 });
  });
});

describe('scenario runs', () => {
  it('record the path, keep endings across restarts, merge runs and endings', async () => {
    const { recordScenario } = await import('../../src/lib/progress');
    let p = recordScenario(emptyProgress(), 'line-3-alert', ['a', 'b'], undefined, T1);
    p = recordScenario(p, 'line-3-alert', ['a', 'b', 'c'], 'safe', T2);
    p = recordScenario(p, 'line-3-alert', [], undefined, T3);
    expect(p.scenarios?.['line-3-alert']).toEqual({ path: [], endings: ['safe'], at: T3 });
    const other = recordScenario(emptyProgress(), 'line-3-alert', ['d', 'e', 'f'], 'risky', T2);
    expect(merge(p, other).scenarios?.['line-3-alert']).toEqual({ path: [], endings: ['safe', 'risky'], at: T3 });
    expect(decode(encode(p), facts)).toEqual({ progress: p, problems: [] });
  });
});

describe('the 90-day plan', () => {
  it('is saved, kept through the codec, merged by time and removed when emptied', async () => {
    const { setPlan } = await import('../../src/lib/progress');
    const plan = { decision: 'Rota swaps', mechanism: 'A peer commitment', owner: 'Sam', measures: ['Swap requests answered in a day', 'Complaints'], checkIn: '2027-02-20' };
    const p = setPlan(emptyProgress(), plan, T1);
    expect(p.plan).toEqual({ ...plan, at: T1 });
    expect(decode(encode(p), facts)).toEqual({ progress: p, problems: [] });
    const later = setPlan(emptyProgress(), { ...plan, owner: 'Mei' }, T2);
    expect(merge(p, later).plan?.owner).toBe('Mei');
    expect(setPlan(p, { decision: '', mechanism: '', owner: '', measures: ['', ''], checkIn: '' }, T3).plan).toBeUndefined();
    const bad = JSON.parse(encode(p));
    bad.plan.checkIn = 'next spring';
    expect(decode(JSON.stringify(bad), facts).problems[0]?.message).toContain('plan');
  });
});

describe('keeping attempts', () => {
  it('never drops the passing attempt when the assessment is retaken many times', async () => {
    const { keepAttempts } = await import('../../src/lib/progress');
    let p = startAssessment(emptyProgress(), 1, ['q'], T1);
    p = submitAssessment(p, 1, 90, true, T1);
    for (let seed = 2; seed < 10; seed++) {
      p = startAssessment(p, seed, ['q'], T2);
      p = submitAssessment(p, seed, 50, false, T2);
    }
    expect(p.assessments).toHaveLength(5);
    expect(p.assessments?.[0]).toMatchObject({ seed: 1, passed: true });
    expect(p.assessments?.at(-1)?.seed).toBe(9);
    expect(courseCompletion({ ...p, lessons: { 'leadership-in-the-plural': { completedAt: T1 }, 'delegation-done-well': { completedAt: T1 } } }, facts.lessonIds).passed).toBe(true);
    expect(keepAttempts(p.assessments ?? [])).toEqual(p.assessments);
  });

  it('an unanswered sorting item is not damage', () => {
    const raw = JSON.stringify({ version: 2, lessons: {}, checks: { q: { response: { kind: 'classify', placements: { a: 'x', b: '' } }, attempts: 1, score: 0, at: T1 } } });
    expect(decode(raw, facts)).toMatchObject({ problems: [], progress: { checks: { q: { response: { placements: { a: 'x' } } } } } });
  });
});
