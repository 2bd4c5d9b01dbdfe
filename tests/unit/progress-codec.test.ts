import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, decode, emptyProgress, encode, fromData, migrate, type MigrationTable, type Progress } from '../../src/lib/progress';

const facts = { lessonIds: ['one', 'two', 'three'] };
const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-02T10:00:00.000Z';

describe('decode', () => {
  it('returns empty progress and no problems when nothing is stored', () => {
    for (const raw of [undefined, null, '']) {
      expect(decode(raw, facts)).toEqual({ progress: emptyProgress(), problems: [] });
    }
  });

  it('round-trips what encode wrote', () => {
    const progress: Progress = {
      version: PROGRESS_VERSION,
      lessons: { one: { visitedAt: T1, completedAt: T2 }, two: { visitedAt: T2 } },
      location: { lesson: 'two', section: 'why-it-matters', at: T2 },
      updatedAt: T2,
    };
    expect(decode(encode(progress), facts)).toEqual({ progress, problems: [] });
  });

  it.each([
    ['a byte-order mark', (text: string) => `\uFEFF${text}`],
    ['surrounding whitespace and line breaks', (text: string) => ` \r\n\t${text}\n\n `],
    ['a byte-order mark and a trailing newline', (text: string) => `\uFEFF${text}\r\n`],
    ['no-break and other Unicode spaces', (text: string) => `\u00A0\u2028${text}\u3000`],
  ])('reads valid progress with %s as it is, with no problem', (_name, wrap) => {
    const progress: Progress = { version: PROGRESS_VERSION, lessons: { one: { visitedAt: T1, completedAt: T2 } }, updatedAt: T2 };
    expect(decode(wrap(encode(progress)), facts)).toEqual({ progress, problems: [] });
  });

  it('reads only whitespace as nothing stored', () => {
    expect(decode(' \uFEFF\n', facts)).toEqual({ progress: emptyProgress(), problems: [] });
  });

  it('reports corrupted JSON instead of throwing', () => {
    const result = decode('{"version":1,"lessons":{"one":', facts);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problems.map((p) => p.code)).toEqual(['not-json']);
    expect(result.problems[0]?.message).toMatch(/damaged/);
  });

  it.each([
    ['a number', '42'],
    ['a string', '"hello"'],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['another app’s object', '{"theme":"dark","user":"x"}'],
  ])('reports %s as the wrong shape', (_name, raw) => {
    const result = decode(raw, facts);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problems.map((p) => p.code)).toEqual(['wrong-shape']);
  });

  it('keeps the known lessons and reports unknown lesson ids', () => {
    const raw = JSON.stringify({ version: 1, lessons: { one: { completedAt: T1 }, ghost: { visitedAt: T1 }, ghost2: { visitedAt: T1 } } });
    const result = decode(raw, facts);
    expect(result.progress.lessons).toEqual({ one: { completedAt: T1 } });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'unknown-lesson' });
    expect(result.problems[0]?.message).toContain('ghost, ghost2');
  });

  it('drops invalid fields but keeps valid siblings', () => {
    const raw = JSON.stringify({
      version: 1,
      lessons: { one: { visitedAt: 'yesterday-ish', completedAt: T1 }, two: 'done', three: { visitedAt: T2 } },
      location: { lesson: 'one', section: '<script>', at: T1 },
      updatedAt: 12,
    });
    const result = decode(raw, facts);
    expect(result.progress).toEqual({
      version: PROGRESS_VERSION,
      lessons: { one: { completedAt: T1 }, three: { visitedAt: T2 } },
      location: { lesson: 'one', at: T1 },
      checks: {},
      notes: {},
    });
    expect(result.problems.map((p) => p.code)).toEqual(['invalid-field']);
  });

  it('reports a bookmark on an unknown lesson', () => {
    const raw = JSON.stringify({ version: 1, lessons: {}, location: { lesson: 'ghost', at: T1 } });
    const result = decode(raw, facts);
    expect(result.progress.location).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['invalid-field']);
  });

  it('keeps what it understands of a future version and says so', () => {
    const raw = JSON.stringify({ version: 99, lessons: { one: { completedAt: T1 } }, badges: ['x'] });
    const result = decode(raw, facts);
    expect(result.progress.lessons).toEqual({ one: { completedAt: T1 } });
    expect(result.problems[0]).toMatchObject({ code: 'future-version' });
    expect(result.problems[0]?.message).toMatch(/newer version/);
  });

  it('salvages lessons from data without a version', () => {
    const result = fromData({ lessons: { two: { visitedAt: T1 } } }, facts);
    expect(result.progress.lessons).toEqual({ two: { visitedAt: T1 } });
    expect(result.problems.map((p) => p.code)).toEqual(['unknown-version']);
  });
});

describe('migrate', () => {
  const table: MigrationTable = {
    1: (d) => ({ ...d, renamed: d['old'] }),
    2: (d) => ({ ...d, doubled: Number(d['renamed']) * 2 }),
  };

  it('runs every step from the stored version to the target', () => {
    expect(migrate({ version: 1, old: 4 }, 3, table)).toEqual({ ok: true, data: { version: 3, old: 4, renamed: 4, doubled: 8 } });
  });

  it('leaves current data alone', () => {
    expect(migrate({ version: 3, x: 1 }, 3, table)).toEqual({ ok: true, data: { version: 3, x: 1 } });
  });

  it('refuses a future version, a missing step, a missing version and a step that throws', () => {
    expect(migrate({ version: 4 }, 3, table)).toMatchObject({ ok: false, reason: 'future-version', version: 4 });
    expect(migrate({ version: 1 }, 3, { 2: (d) => d })).toMatchObject({ ok: false, reason: 'unknown-version' });
    expect(migrate({}, 3, table)).toMatchObject({ ok: false, reason: 'unknown-version' });
    expect(migrate({ version: 1 }, 2, { 1: () => { throw new Error('bad'); } })).toMatchObject({ ok: false, reason: 'unknown-version' });
  });

  it('is what decode uses, with the table it is given', () => {
    const v1 = { version: 1, lessons: { one: { visitedAt: T1 } } };
    expect(fromData(v1, facts).problems).toEqual([]);
    // Without the 1 → 2 step the same data cannot be brought up to date, and decode says so.
    const result = fromData(v1, facts, {});
    expect(result.problems.map((p) => p.code)).toEqual(['unknown-version']);
    expect(result.progress.lessons['one']).toEqual({ visitedAt: T1 });
  });
});
