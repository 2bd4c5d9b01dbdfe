import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Response } from '../../src/lib/progress/types';
import type { Question } from '../../src/schemas/question';
import { FIRST_LESSON, PROGRESS_KEY, SECOND_LESSON, expect, test } from './fixtures';
import { checkIdsOf, hydrated, question } from './content';

const AT = '2026-11-20T10:00:00.000Z';
const SECOND = SECOND_LESSON.split('/')[2]!;

/** An answer of the question's own kind (right = true), or of another kind. */
function responseTo(q: Question, right: boolean): Response {
  if (!right) return q.kind === 'single' ? { kind: 'multiple', choices: ['a'] } : { kind: 'single', choice: 'a' };
  if (q.kind === 'classify') return { kind: 'classify', placements: { [q.items[0]!.id]: q.categories[0]!.id } };
  return q.kind === 'single' ? { kind: 'single', choice: q.options[0]!.id } : { kind: 'multiple', choices: [q.options[0]!.id] };
}

function progressFile(progress: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify({ format: 'leading-together-progress', course: 'leading-together', version: 2, exportedAt: AT, progress }));
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.goto('/progress/');
  await hydrated(page);
  await page.getByLabel(/Import a progress file/).setInputFiles({ name, mimeType: 'application/json', buffer });
}

test.describe('your progress: export, import, reset', () => {
  test.beforeEach(async ({ page, course }) => {
    await page.goto(FIRST_LESSON);
    await course.completeLesson();
    await course.home();
    await expect(course.progressText()).toHaveText(/^1 of/);
  });

  test('export → reset → import restores progress exactly', async ({ page, course }) => {
    const before = await course.storedProgress();
    await page.goto('/progress/');
    await hydrated(page);
    await expect(page.getByText(`under the key ${PROGRESS_KEY}`)).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^leading-together-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'leading-together-progress', course: 'leading-together', version: 2, progress: before });
    expect(Date.parse(file.exportedAt)).not.toBeNaN();

    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await expect(page.getByText('Delete all your progress in this browser?')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await course.storedProgress()).toEqual(before);

    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your progress was reset' })).toBeVisible();
    await course.home();
    await expect(course.primaryAction()).toHaveText('Start the course');

    await page.goto('/progress/');

    await hydrated(page);
    await page.getByLabel(/Import a progress file/).setInputFiles((await download.path())!);
    await expect(page.getByRole('status').filter({ hasText: /Imported .*completed 1 of/ })).toBeVisible();
    expect(await course.storedProgress()).toEqual(before);
    await course.home();
    await expect(course.progressText()).toHaveText(/^1 of/);
  });

  const bad: [string, string, string | Buffer][] = [
    ['a file that is not JSON', 'notes.json', 'this is { not json'],
    ['JSON that is not ours', 'settings.json', JSON.stringify({ theme: 'dark', lessons: 3 })],
    ['a file from a newer version', 'future.json', JSON.stringify({ format: 'leading-together-progress', course: 'leading-together', version: 99, exportedAt: '2030-01-01T00:00:00Z', progress: { lessons: {} } })],
    ['a file for another course', 'other.json', JSON.stringify({ format: 'leading-together-progress', course: 'another-course', version: 1, exportedAt: '2026-01-01T00:00:00Z', progress: { lessons: {} } })],
    ['a file over 256 KB', 'huge.json', Buffer.alloc(300 * 1024, 'a')],
  ];
  const messages = [/not valid JSON/, /not a Leading Together progress file/, /newer version/, /another course/, /too large/];

  bad.forEach(([name, fileName, content], i) => {
    test(`importing ${name} explains why and changes nothing`, async ({ page, course }) => {
      const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
      await page.goto('/progress/');
      await hydrated(page);
      await page.getByLabel(/Import a progress file/).setInputFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(content) });
      const status = page.getByRole('status').filter({ hasText: fileName });
      await expect(status).toContainText(messages[i]!);
      await expect(status).toContainText('Nothing was changed.');
      expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);
      await course.home();
      await expect(course.progressText()).toHaveText(/^1 of/);
    });
  });

  test('an import with entries the course cannot use keeps the rest and says how many were set aside and why', async ({ page, course }) => {
    const [kept, wrong] = checkIdsOf(SECOND);
    const file = progressFile({
      lessons: { [SECOND]: { visitedAt: AT, completedAt: AT }, 'a-lesson-this-course-never-had': { visitedAt: AT } },
      checks: {
        [kept!]: { response: responseTo(question(kept!), true), attempts: 1, score: 0, at: AT },
        [wrong!]: { response: responseTo(question(wrong!), false), attempts: 1, score: 1, at: AT },
      },
      notes: { 'no-such-note': { text: 'Written elsewhere', at: AT } },
    });
    await importFile(page, 'mixed.json', file);
    await expect(page.getByRole('status').filter({ hasText: 'mixed.json' })).toHaveText(
      'Imported “mixed.json”. You have now completed 2 of 7 lessons. 3 entries were set aside: 1 names a lesson this course does not have; 1 answers a question with the wrong kind of answer; 1 names a note this course does not have.',
    );
    const stored = (await course.storedProgress()) as { lessons: Record<string, unknown>; checks: Record<string, unknown>; notes: Record<string, unknown> };
    expect(Object.keys(stored.lessons).sort()).toEqual([SECOND, 'leadership-in-the-plural'].sort());
    expect(Object.keys(stored.checks)).toContain(kept);
    expect(Object.keys(stored.checks)).not.toContain(wrong);
    expect(Object.keys(stored.notes ?? {})).not.toContain('no-such-note');
    await course.home();
    await expect(course.progressText()).toHaveText(/^2 of 7/);
  });

  test('an import with nothing the course can use is refused and changes nothing', async ({ page, course }) => {
    const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
    const [check] = checkIdsOf(SECOND);
    const file = progressFile({
      lessons: { 'a-lesson-this-course-never-had': { completedAt: AT }, [SECOND]: { completedAt: -1 } },
      checks: { [check!]: { response: responseTo(question(check!), false), attempts: 1, score: 1, at: AT } },
      PROTO: { lessons: { [SECOND]: { completedAt: AT } } },
    }).toString().replace('"PROTO"', '"__proto__"');
    await importFile(page, 'nothing.json', Buffer.from(file));
    await expect(page.getByRole('status').filter({ hasText: 'nothing.json' })).toHaveText(
      '“nothing.json”: This progress file has nothing this course can use. 4 entries were set aside: 2 are not in a form this course can read; 1 names a lesson this course does not have; 1 answers a question with the wrong kind of answer. Nothing was changed.',
    );
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);
    await page.reload();
    await hydrated(page);
    await expect(page.getByText('Completed: 1 of 7 lessons.')).toBeVisible();
    await course.home();
    await expect(course.progressText()).toHaveText(/^1 of 7/);
  });

  test('saved progress with a byte-order mark and surrounding whitespace is read, not treated as damaged', async ({ page, course }) => {
    await page.evaluate((key) => localStorage.setItem(key, `\uFEFF ${localStorage.getItem(key)}\r\n`), PROGRESS_KEY);
    await course.home();
    await expect(course.progressText()).toHaveText('1 of 7 lessons completed');
    await expect(page.getByText(/could not be read/)).toHaveCount(0);
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), PROGRESS_KEY)).toBeNull();
  });
});
