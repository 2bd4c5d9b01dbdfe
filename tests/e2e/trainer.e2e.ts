import AxeBuilder from '@axe-core/playwright';
import { FIRST_LESSON, expect, test } from './fixtures';

test('trainer mode shows each lesson’s facilitator notes, is remembered, and hides them when off', async ({ page }) => {
  await page.goto(FIRST_LESSON);
  const notes = page.getByRole('complementary', { name: 'Facilitator notes' });
  await expect(notes).toBeHidden();

  await page.goto('/facilitator/');
  const toggle = page.getByRole('button', { name: 'Trainer mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Trainer mode is on')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await page.goto(FIRST_LESSON);
  await expect(notes).toBeVisible();
  await expect(notes.getByText('not secret')).toBeVisible();
  await page.reload();
  await expect(notes).toBeVisible();

  await page.goto('/facilitator/');
  await page.getByRole('button', { name: 'Trainer mode' }).click();
  await expect(page.getByRole('button', { name: 'Trainer mode' })).toHaveAttribute('aria-pressed', 'false');
  await page.goto(FIRST_LESSON);
  await expect(notes).toBeHidden();
});
