import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { answer, byPrompt, hydrated, lessonSlugs, questions } from './content';
import { PROGRESS_KEY, expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A learner who has completed every lesson (the lessons' own tests cover how), with `extra` saved too. */
async function allLessonsDone(page: Page, extra: Record<string, unknown> = {}) {
  const at = '2026-11-20T10:00:00.000Z';
  const lessons = Object.fromEntries(lessonSlugs().map((id) => [id, { visitedAt: at, completedAt: at }]));
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [PROGRESS_KEY, JSON.stringify({ version: 2, lessons, updatedAt: at, ...extra })] as const,
  );
}

/** Answers every drawn question with the keyboard, right or wrong. */
async function answerAll(page: Page, right: boolean) {
  const groups = page.getByRole('group', { name: /^Question \d+ of \d+/ });
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(12);
  expect(count).toBeLessThanOrEqual(15);
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const legend = (await group.locator('legend').textContent()) ?? '';
    await answer(page, group, byPrompt(legend), right);
  }
  return count;
}

async function submit(page: Page) {
  await page.getByRole('button', { name: 'Submit my answers' }).focus();
  await page.keyboard.press('Enter');
}

test('the assessment is locked until every lesson is completed, and says what is left', async ({ page }) => {
  await page.goto('/assessment/');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'The assessment opens when every lesson is completed' })).toBeVisible();
  await expect(page.getByText(/You have completed 0 of \d+ lessons/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Leadership in the plural' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the assessment' })).toHaveCount(0);
});

test('fail, review, retake with a new draw, pass, and get the certificate (keyboard only)', async ({ page }) => {
  await allLessonsDone(page);
  await page.goto('/assessment/');
  await hydrated(page);
  await page.getByRole('button', { name: 'Start the assessment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your questions' })).toBeFocused();

  // Submitting with gaps lists them.
  await submit(page);
  await expect(page.getByRole('alert')).toContainText('not answered yet');

  const count = await answerAll(page, false);
  // Answers are saved as they are given: a reload keeps them.
  await page.reload();
  await expect(page.getByText(`Answered ${count} of ${count}`)).toBeVisible();
  const firstDraw = await page.getByRole('group', { name: /^Question \d+ of \d+/ }).locator('legend').allTextContents();
  await submit(page);

  const result = page.getByRole('heading', { name: /^Not passed yet: \d+%$/ });
  await expect(result).toBeFocused();
  await expect(page.getByText(/The pass mark is 80%/)).toBeVisible();
  const breakdown = page.getByRole('table', { name: /score on the questions for each lesson objective/ });
  await expect(breakdown.getByRole('row')).not.toHaveCount(1);
  const review = page.getByRole('heading', { name: /^Question \d+: (Incorrect|Partly correct)$/ });
  await expect(review).toHaveCount(count);
  await expect(page.getByText('The correct answer:').first()).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id), 'results').toEqual([]);

  await page.getByRole('button', { name: 'Retake the assessment' }).focus();
  await page.keyboard.press('Enter');
  const secondDraw = await page.getByRole('group', { name: /^Question \d+ of \d+/ }).locator('legend').allTextContents();
  expect(secondDraw).not.toEqual(firstDraw);
  await answerAll(page, true);
  await submit(page);
  await expect(page.getByRole('heading', { name: 'You passed: 100%' })).toBeFocused();
  await expect(page.getByRole('heading', { name: /^Question \d+: Correct$/ })).toHaveCount(count);
  await expect(page.getByRole('heading', { name: 'Earlier attempts' })).toBeVisible();

  await page.getByRole('link', { name: 'Get your certificate' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/certificate\/$/);
  await hydrated(page);
  await page.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Enter');
  const certificate = page.getByRole('article', { name: 'Leading Together' });
  await expect(certificate.getByText('Ada Lovelace')).toBeVisible();
  await expect(certificate.getByText('100%')).toBeVisible();
  await expect(certificate.getByText(/Issued by this browser, not by a registrar/)).toBeVisible();
  const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(certificate.getByText(date)).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id), 'certificate').toEqual([]);

  // One landscape page on both A4 and Letter.
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, landscape: true, printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, format).toBe(1);
  }

  // The home page now says the course is completed.
  await page.goto('/');
  await expect(page.getByText('Course completed with 100% in the final assessment.')).toBeVisible();
});

test('the certificate waits for completion and says what is missing', async ({ page }) => {
  await page.goto('/certificate/');
  await expect(page.getByRole('heading', { name: 'Your certificate is not ready yet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'final assessment' })).toBeVisible();
});

test('answers given in the same moment are all kept (a fast learner, a slow device)', async ({ page }) => {
  // An attempt in progress whose questions include a multiple-response and a classify item: a
  // random draw may have neither.
  const inBank = (kind: string) => questions.filter((q) => q.use === 'assessment' && q.kind === kind).map((q) => q.id);
  const drawn = [inBank('multiple')[0]!, inBank('classify')[0]!, ...inBank('single').slice(0, 10)];
  await allLessonsDone(page, { assessments: [{ seed: 7, startedAt: '2026-11-21T09:00:00.000Z', questions: drawn, answers: {} }] });
  await page.goto('/assessment/');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Your questions' })).toBeVisible();
  const groups = page.getByRole('group', { name: /^Question \d+ of \d+/ });
  const multiple = groups.filter({ has: page.getByRole('checkbox') }).first();
  const classify = groups.filter({ has: page.getByRole('combobox') }).first();
  const boxes = multiple.getByRole('checkbox');
  const selects = classify.getByRole('combobox');
  // Two ticks and two placements, each pair in one task: the second change comes before any re-render.
  await boxes.first().evaluate((first) => {
    const all = first.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    all[0]!.click();
    all[1]!.click();
  });
  await selects.first().evaluate((first) => {
    const all = first.closest('fieldset')!.querySelectorAll<HTMLSelectElement>('select');
    for (const select of [all[0]!, all[1]!]) {
      select.selectedIndex = 1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
  await expect(selects.nth(0).locator('option:checked')).not.toHaveText('Choose a category…');
  await expect(selects.nth(1).locator('option:checked')).not.toHaveText('Choose a category…');
  // What was saved is what the learner sees: a reload shows all four answers.
  await page.reload();
  await hydrated(page);
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
  await expect(selects.nth(0).locator('option:checked')).not.toHaveText('Choose a category…');
  await expect(selects.nth(1).locator('option:checked')).not.toHaveText('Choose a category…');
});
