import { readFile } from 'node:fs/promises';
import { FIRST_LESSON, PROGRESS_KEY, expect, test } from './fixtures';
import { hydrated } from './content';

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
});
