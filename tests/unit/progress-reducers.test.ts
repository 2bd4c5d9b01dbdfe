import { describe, expect, it } from 'vitest';
import { complete, emptyProgress, merge, setLocation, visit, type Progress } from '../../src/lib/progress';
import { lessonStatus } from '../../src/lib/progress/status';
import { summarise } from '../../src/lib/progress/summary';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-02T10:00:00.000Z';
const T3 = '2026-01-03T10:00:00.000Z';
const ids = ['one', 'two', 'three'];

describe('reducers', () => {
  it('visit records the first visit and the bookmark', () => {
    const p = visit(emptyProgress(), 'one', T1);
    expect(p.lessons['one']).toEqual({ visitedAt: T1 });
    expect(p.location).toEqual({ lesson: 'one', at: T1 });
    const again = visit(p, 'one', T2, 'section-b');
    expect(again.lessons['one']).toEqual({ visitedAt: T1 });
    expect(again.location).toEqual({ lesson: 'one', section: 'section-b', at: T2 });
    expect(again.updatedAt).toBe(T2);
  });

  it('visit at the top of a lesson keeps the section bookmarked in it, not one of another lesson', () => {
    const p = setLocation(visit(emptyProgress(), 'one', T1), 'one', 'section-c', T1);
    expect(visit(p, 'one', T2).location).toEqual({ lesson: 'one', section: 'section-c', at: T2 });
    expect(visit(p, 'one', T2, 'section-a').location).toEqual({ lesson: 'one', section: 'section-a', at: T2 });
    expect(visit(p, 'two', T2).location).toEqual({ lesson: 'two', at: T2 });
  });

  it('complete keeps the first completion and does not change an already completed lesson', () => {
    const p = complete(visit(emptyProgress(), 'one', T1), 'one', T2);
    expect(p.lessons['one']).toEqual({ visitedAt: T1, completedAt: T2 });
    expect(complete(p, 'one', T3)).toBe(p);
    expect(complete(emptyProgress(), 'two', T1).lessons['two']).toEqual({ visitedAt: T1, completedAt: T1 });
  });

  it('setLocation changes only when the place changes', () => {
    const p = setLocation(emptyProgress(), 'one', 'intro', T1);
    expect(p.location).toEqual({ lesson: 'one', section: 'intro', at: T1 });
    expect(setLocation(p, 'one', 'intro', T2)).toBe(p);
    expect(setLocation(p, 'one', undefined, T2).location).toEqual({ lesson: 'one', at: T2 });
  });

  it('reducers never mutate their input', () => {
    const p = visit(emptyProgress(), 'one', T1);
    const frozen = JSON.stringify(p);
    complete(p, 'one', T2);
    setLocation(p, 'two', 'x', T2);
    visit(p, 'two', T2);
    expect(JSON.stringify(p)).toBe(frozen);
  });
});

describe('merge', () => {
  const a: Progress = complete(visit(emptyProgress(), 'one', T1), 'one', T2);
  const b: Progress = setLocation(visit(visit(emptyProgress(), 'one', T2), 'two', T2), 'two', 'part-2', T3);

  it('keeps everything either copy recorded', () => {
    const m = merge(a, b);
    expect(m.lessons).toEqual({ one: { visitedAt: T1, completedAt: T2 }, two: { visitedAt: T2 } });
    expect(m.location).toEqual({ lesson: 'two', section: 'part-2', at: T3 });
    expect(m.updatedAt).toBe(T3);
  });

  it('is commutative and idempotent, and empty is its identity', () => {
    expect(merge(a, b)).toEqual(merge(b, a));
    expect(merge(a, a)).toEqual(a);
    expect(merge(emptyProgress(), a)).toEqual(a);
    expect(merge(b, emptyProgress())).toEqual(b);
  });

  it('keeps the earliest completion date', () => {
    const late = complete(emptyProgress(), 'one', T3);
    expect(merge(late, a).lessons['one']?.completedAt).toBe(T2);
  });

  it('picks the same bookmark whatever the order when both have the same time', () => {
    const x = setLocation(emptyProgress(), 'one', 'a', T1);
    const y = setLocation(emptyProgress(), 'two', 'b', T1);
    expect(merge(x, y).location).toEqual(merge(y, x).location);
  });
});

describe('status and summary', () => {
  it('names each lesson state', () => {
    const p = complete(visit(visit(emptyProgress(), 'one', T1), 'two', T1), 'one', T2);
    expect(ids.map((id) => lessonStatus(p, id))).toEqual(['completed', 'in-progress', 'not-started']);
  });

  it('a new learner starts at the first lesson', () => {
    expect(summarise(emptyProgress(), ids)).toEqual({ completed: 0, total: 3, percent: 0, started: false, resume: { lesson: 'one' } });
  });

  it('a returning learner resumes at the exact section', () => {
    const p = setLocation(visit(emptyProgress(), 'two', T1), 'two', 'evidence', T2);
    expect(summarise(p, ids)).toMatchObject({ started: true, resume: { lesson: 'two', section: 'evidence' } });
  });

  it('after completing a lesson, continue points to the next one to do', () => {
    const p = complete(visit(emptyProgress(), 'one', T1), 'one', T2);
    expect(summarise(p, ids)).toMatchObject({ completed: 1, percent: 33, resume: { lesson: 'two' } });
  });

  it('when everything is done, continue returns to the bookmark', () => {
    let p = emptyProgress();
    for (const id of ids) p = complete(visit(p, id, T1), id, T2);
    p = setLocation(p, 'two', 'end', T3);
    expect(summarise(p, ids)).toMatchObject({ completed: 3, percent: 100, resume: { lesson: 'two', section: 'end' } });
  });
});
