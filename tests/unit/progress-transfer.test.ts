import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, complete, emptyProgress, visit } from '../../src/lib/progress';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, exportFile, exportFileName } from '../../src/lib/progress/file';
import { parseImport } from '../../src/lib/progress/transfer';

const facts = { lessonIds: ['one', 'two'] };
const NOW = '2026-11-25T09:30:00.000Z';
const progress = complete(visit(emptyProgress(), 'one', '2026-11-20T08:00:00.000Z'), 'one', '2026-11-20T09:00:00.000Z');

function file(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...exportFile(progress, 'leading-together', NOW), ...overrides });
}

describe('export', () => {
  it('writes a versioned, dated file', () => {
    expect(exportFile(progress, 'leading-together', NOW)).toEqual({
      format: EXPORT_FORMAT,
      course: 'leading-together',
      version: PROGRESS_VERSION,
      exportedAt: NOW,
      progress,
    });
    expect(exportFileName('leading-together', NOW)).toBe('leading-together-progress-2026-11-25.json');
  });
});

describe('import', () => {
  const parse = (text: string, bytes = text.length) => parseImport(text, bytes, 'leading-together', facts);

  it('accepts its own export and gives back the same progress', () => {
    const result = parse(file());
    expect(result).toEqual({ ok: true, progress, warnings: [], exportedAt: NOW, setAside: {} });
  });

  it('accepts a file exported by an older version and migrates it', () => {
    const old = JSON.stringify({ format: EXPORT_FORMAT, course: 'leading-together', version: 1, exportedAt: NOW, progress: { version: 1, lessons: progress.lessons } });
    const result = parse(old);
    expect(result).toMatchObject({ ok: true, warnings: [], progress: { version: PROGRESS_VERSION, lessons: progress.lessons, checks: {}, notes: {} } });
  });

  it('refuses a file over 256 KB before reading it', () => {
    const result = parse('{}', MAX_IMPORT_BYTES + 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/too large.*256 KB.*Nothing was changed/);
  });

  it('refuses text that is not JSON', () => {
    const result = parse('name,score\nAda,10');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/not valid JSON/) });
  });

  it.each([
    ['another app’s JSON', JSON.stringify({ settings: { theme: 'dark' } })],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['a wrong format tag', file({ format: 'someone-else' })],
  ])('refuses %s as not ours', (_name, text) => {
    const result = parse(text);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/not a Leading Together progress file/) });
  });

  it('refuses a file for another course', () => {
    expect(parse(file({ course: 'other-course' }))).toEqual({ ok: false, message: expect.stringMatching(/another course/) });
  });

  it('refuses a newer version it cannot migrate', () => {
    expect(parse(file({ version: 7 }))).toEqual({ ok: false, message: expect.stringMatching(/newer version.*data version 7/) });
  });

  it('refuses a file without a usable version or without progress', () => {
    expect(parse(file({ version: 'one' }))).toMatchObject({ ok: false });
    expect(parse(file({ progress: null }))).toEqual({ ok: false, message: expect.stringMatching(/contains no progress/) });
    expect(parse(file({ progress: { lessons: 'x' } }))).toMatchObject({ ok: false, setAside: { form: 1 } });
  });

  it('imports the valid parts and says it set aside lessons this course does not have', () => {
    const text = file({ progress: { ...progress, lessons: { ...progress.lessons, removed: { visitedAt: NOW } } } });
    const result = parse(text);
    expect(result).toMatchObject({
      ok: true,
      progress,
      setAside: { lesson: 1 },
      warnings: [{ code: 'set-aside', message: '1 entry was set aside: 1 names a lesson this course does not have.' }],
    });
  });
});
