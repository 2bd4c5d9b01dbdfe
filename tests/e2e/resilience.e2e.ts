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
