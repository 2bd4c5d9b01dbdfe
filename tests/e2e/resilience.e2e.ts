import { FIRST_LESSON, PROGRESS_KEY, builtPages, expect, test } from './fixtures';

const pages = builtPages();

test.describe('saved progress that is damaged or not ours', () => {
  for (const [name, value] of [
    ['corrupted JSON', '{"version":1,"lessons":{"leadership-in-the-'],
    ['another app’s data', '{"cart":[1,2,3]}'],
  ] as const) {
    test(`${name}: every page renders, says so, and nothing crashes`, async ({ page, pageErrors }) => {
      await page.addInitScript(
        ([key, raw]) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key, raw);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [PROGRESS_KEY, value] as const,
      );
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Some of your saved progress could not be read' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
      // The damaged value is set aside, not thrown away.
      expect(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), PROGRESS_KEY)).toBe(value);
      for (const path of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }
      expect(pageErrors).toEqual([]);
    });
  }
});

test.describe('storage that refuses', () => {
  test('writes throw: the course works and says progress is not saved', async ({ page, course, pageErrors }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(FIRST_LESSON);
    const notice = page.getByRole('status').filter({ hasText: 'Your progress is not being saved on this device' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('storage for the course is full');
    // In this page the course still follows the learner.
    await expect(page.getByRole('navigation', { name: 'Course outline' }).getByText('In progress')).toBeVisible();
    await course.completeLesson();
    await expect(page.getByRole('heading', { level: 1, name: 'Delegation done well' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'not being saved' })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('storage forbidden altogether: every page still renders and says so', async ({ page, pageErrors }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'does not allow the course to store data' })).toBeVisible();
    }
    expect(pageErrors).toEqual([]);
  });
});

test.describe('storage that refuses some operations only', () => {
  test('the saved progress cannot be read: nothing is written over it, and the page says so', async ({ page, course, pageErrors }) => {
    const saved = JSON.stringify({ version: 2, lessons: { 'delegation-done-well': { visitedAt: '2026-01-05T09:00:00.000Z' } }, updatedAt: '2026-01-05T09:00:00.000Z' });
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('seeded', '1');
        }
        // Reading the progress key throws; every other key (the start-up probe's too) works.
        const getItem = Storage.prototype.getItem;
        Storage.prototype.getItem = function (this: Storage, name: string) {
          if (name === key) throw new DOMException('The operation is insecure.', 'SecurityError');
          return getItem.call(this, name);
        };
      },
      [PROGRESS_KEY, saved] as const,
    );
    // Opening a lesson is a change: the course follows the learner in this page (it cannot know
    // what the saved progress holds).
    await page.goto(FIRST_LESSON);
    const notice = page.getByRole('status').filter({ hasText: 'Your progress is not being saved on this device' });
    await expect(notice).toContainText('could not read the progress saved here, so nothing will be written over it');
    await expect(page.getByRole('navigation', { name: 'Course outline' }).getByText('In progress')).toHaveCount(1);
    await course.completeLesson();
    await expect(page.getByRole('heading', { level: 1, name: 'Delegation done well' })).toBeVisible();
    // What was saved is untouched (read past the throwing getItem).
    expect(await page.evaluate((key) => localStorage[key] as string, PROGRESS_KEY)).toBe(saved);
    await page.goto('/progress/');
    await expect(page.getByText('Saving: off, because this browser could not read the progress saved here, so nothing will be written over it.')).toBeVisible();
    expect(await page.evaluate((key) => localStorage[key] as string, PROGRESS_KEY)).toBe(saved);
    expect(pageErrors).toEqual([]);
  });

  test('removals throw (some privacy modes): no “not saving” notice, and progress is saved', async ({ page, pageErrors }) => {
    await page.addInitScript(() => {
      Storage.prototype.removeItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    await page.goto(FIRST_LESSON);
    await expect
      .poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').lessons?.['leadership-in-the-plural']?.visitedAt, PROGRESS_KEY))
      .toBeTruthy();
    await expect(page.locator('#notices')).toBeEmpty();
    await page.goto('/progress/');
    await expect(page.getByText('Saving: on.')).toBeVisible();
    await expect(page.getByText(/Saving: off/)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'not being saved' })).toHaveCount(0);
    // Saved for real: a reload still has the visit.
    await page.goto(FIRST_LESSON);
    await expect(page.getByRole('navigation', { name: 'Course outline' }).getByText('In progress')).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });
});
