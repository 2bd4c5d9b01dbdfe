import { checkIdsOf, question } from './content';
import { FIRST_LESSON, FIRST_LESSON_TITLE, builtPages, expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('every page is readable without JavaScript', async ({ page }) => {
  for (const path of builtPages()) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).not.toBeEmpty();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  }
});

test('a lesson reads in full and its links work without JavaScript', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start the course' }).click();
  await expect(page).toHaveURL(new RegExp(`${FIRST_LESSON}$`));
  await expect(page.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key takeaways' })).toBeVisible();
  expect(await page.locator('.prose p').count()).toBeGreaterThan(10);
  // Without JavaScript each knowledge check still teaches: its answer is behind a disclosure.
  await page.getByText('Show the answer').first().click();
  await expect(page.getByText(question(checkIdsOf('leadership-in-the-plural')[0]!).explanation)).toBeVisible();
  await page.getByRole('link', { name: /^Complete lesson and/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegation done well' })).toBeVisible();
  await page.goto('/progress/');
  await expect(page.getByText('Export, import and reset need JavaScript')).toBeVisible();
});
