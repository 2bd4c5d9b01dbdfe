import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FIRST_LESSON, PROGRESS_KEY, builtPages, expect, test } from './fixtures';
import { hydrated } from './content';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    for (const path of builtPages()) {
      test(`${path} has no violations for a new learner`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      });
    }

    test('pages with progress, notices and messages showing have no violations', async ({ page, course }) => {
      await page.goto(FIRST_LESSON);
      await course.completeLesson();
      await course.home();
      await expect(course.primaryAction()).toHaveText(/^Continue/);
      expect(await violations(page), 'home with progress').toEqual([]);
      await page.goto(FIRST_LESSON);
      expect(await violations(page), 'completed lesson').toEqual([]);

      await page.goto('/progress/');

      await hydrated(page);
      await page.getByRole('button', { name: 'Reset progress…' }).click();
      await page.getByLabel(/Import a progress file/).setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await expect(page.getByRole('status').filter({ hasText: 'bad.json' })).toBeVisible();
      expect(await violations(page), 'progress page with confirmation and error').toEqual([]);

      await page.evaluate((key) => localStorage.setItem(key, '{broken'), PROGRESS_KEY);
      await page.goto('/');
      await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
      expect(await violations(page), 'home with a damaged-progress notice').toEqual([]);
    });
  });
}

test('the layout reflows at 320 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of builtPages()) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('keyboard: the skip link is first and moves focus to the content', async ({ page }) => {
  await page.goto(FIRST_LESSON);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
