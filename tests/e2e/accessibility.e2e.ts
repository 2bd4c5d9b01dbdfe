import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FIRST_LESSON, PROGRESS_KEY, builtPages, expect, test } from './fixtures';
import { checkIdsOf, hydrated } from './content';

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

/**
 * Presses Tab until focus is inside `target`, pressing Enter on the way on the links a keyboard
 * user would follow to get there (`follow`, by name). Returns the number of Tab presses.
 */
async function tabsTo(page: Page, target: string, follow: string[]): Promise<number> {
  for (let presses = 1; presses <= 300; presses++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate((target) => {
      const el = document.activeElement;
      return { inside: !!el?.closest(target), link: el instanceof HTMLAnchorElement ? (el.textContent ?? '').trim() : '' };
    }, target);
    if (focus.inside) return presses;
    if (follow.includes(focus.link)) await page.keyboard.press('Enter');
  }
  return Infinity;
}

test('keyboard: a few Tab presses reach a lesson’s first check and its end, through jump links', async ({ page }) => {
  await page.goto(FIRST_LESSON);
  await hydrated(page);
  const toCheck = await tabsTo(page, '.check-block', ['Skip to content', 'Knowledge check 1']);
  await expect(page.locator('.check-block').first().locator(':focus')).toHaveCount(1);
  await page.goto(FIRST_LESSON);
  await hydrated(page);
  const toEnd = await tabsTo(page, '[data-complete-lesson]', ['Skip to content', 'End of the lesson']);
  await expect(page.getByRole('link', { name: /^Complete lesson and/ })).toBeFocused();
  // From one activity to the next: the link after the first check leads to the second.
  await page.goto(FIRST_LESSON);
  await hydrated(page);
  const second = `[id="check-${checkIdsOf('leadership-in-the-plural')[1]}"]`;
  const toSecond = await tabsTo(page, second, ['Skip to content', 'Knowledge check 1', 'Next activity: Knowledge check 2']);
  console.log(`Tab presses in lesson 1: ${toCheck} to the first check, ${toSecond} to the second, ${toEnd} to "Complete lesson"`);
  expect(toCheck).toBeLessThanOrEqual(5);
  expect(toSecond).toBeLessThanOrEqual(10);
  expect(toEnd).toBeLessThanOrEqual(12);
});
