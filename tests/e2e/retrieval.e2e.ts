/** Retrieval and transfer: the optional pre-check, spaced-review checks, the 30-day check-in calendar file. */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { answer, byPrompt, hydrated } from './content';
import { FIRST_LESSON, expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axe = async (page: import('@playwright/test').Page) =>
  (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => `${v.id}: ${v.help}`);

test.describe('the pre-check', () => {
  test('lesson 1 offers it; answered before, then after, it shows the change and keeps it after a reload', async ({ page }) => {
    await page.goto(FIRST_LESSON);
    await page.getByRole('link', { name: 'Take the pre-check' }).click();
    await hydrated(page);
    const form = page.getByRole('form', { name: 'What do you think now?' });
    await form.getByRole('button', { name: 'Save my answers' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Answer every statement/);
    expect(await axe(page)).toEqual([]);
    const groups = form.getByRole('group');
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: 'Agree', exact: true }).check();
    await form.getByRole('button', { name: 'Save my answers' }).click();
    await expect(page.getByRole('heading', { name: 'Your answers are saved' })).toBeVisible();
    await page.getByRole('button', { name: /Answer again now/ }).click();
    const after = page.getByRole('form', { name: 'What do you think now, after the course?' });
    for (let i = 0; i < count; i++) await after.getByRole('group').nth(i).getByRole('radio', { name: 'Disagree', exact: true }).check();
    await after.getByRole('button', { name: 'Save my answers' }).click();
    const table = page.getByRole('table', { name: /then and now/ });
    await expect(table).toBeVisible();
    const row = table.getByRole('row', { name: /everyone is a leader and there are no bosses/ });
    await expect(row.getByRole('cell').nth(0)).toHaveText('Agree');
    await expect(row.getByRole('cell').nth(1)).toHaveText('Disagree (agrees with the evidence)');
    await expect(page.getByText(/Now 5 of 8 of your answers agree with the evidence \(at the start: 3\)/)).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.reload();
    await expect(page.getByRole('table', { name: /then and now/ })).toBeVisible();
    await page.goto('/lessons/designing-your-leadership-mix/');
    await expect(page.getByRole('link', { name: 'Open the pre-check' })).toHaveAttribute('href', /\/precheck\/$/);
  });

  test('can be skipped, and is then offered for later', async ({ page }) => {
    await page.goto('/precheck/');
    await hydrated(page);
    await page.getByRole('button', { name: 'Skip the pre-check' }).click();
    await expect(page.getByRole('heading', { name: 'Pre-check skipped' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Start Lesson 1' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Answer the statements now' })).toBeVisible();
  });
});

test.describe('spaced review', () => {
  test('lesson 3 asks two earlier questions, graded, and the same after a reload', async ({ page }) => {
    await page.goto('/lessons/distributed-leadership-as-practice/');
    const section = page.getByRole('region', { name: 'Review: from earlier lessons' });
    await section.scrollIntoViewIfNeeded();
    const first = section.getByRole('form').first();
    await expect(first).toBeVisible();
    await expect(section.getByRole('form')).toHaveCount(2);
    const prompt = (await first.locator('legend').textContent()) ?? '';
    const heading = (await first.locator('.check__kicker').textContent()) ?? '';
    expect(heading).toMatch(/Review question 1 of 2 · from Lesson [12]/);
    await answer(page, first, byPrompt(prompt), true);
    await first.getByRole('button', { name: 'Check answer' }).click();
    await expect(first.locator('.check__result')).toHaveText(/^Correct\./);
    await page.reload();
    const again = page.getByRole('region', { name: 'Review: from earlier lessons' }).getByRole('form').first();
    await again.scrollIntoViewIfNeeded();
    await expect(again.locator('legend')).toHaveText(prompt);
    await expect(again.locator('.check__result')).toHaveText(/^Correct\./);
    expect(await axe(page)).toEqual([]);
    // The earlier lesson's own check is untouched.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('leading-together:v1:progress') ?? '{}'));
    expect(stored.checks ?? {}).toEqual({});
  });
});

test.describe('the 30-day check-in', () => {
  test('downloads an .ics file with the plan in it', async ({ page }) => {
    await page.goto('/lessons/designing-your-leadership-mix/');
    const plan = page.getByRole('form', { name: 'Your 90-day experiment' });
    await plan.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('astro-island[component-url*="ActionPlanBuilder"][ssr]'));
    await plan.getByLabel('1. The decision to redistribute').fill('Rota swaps, within limits');
    await plan.getByLabel('3. The owner').fill('Sam');
    await plan.getByLabel('Measure 1').fill('Days to agree a swap');
    await plan.getByRole('button', { name: 'Save my plan' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), plan.getByRole('button', { name: /30-day check-in/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^leading-together-30-day-check-in-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = (await readFile((await download.path())!, 'utf8')).replace(/\r\n /g, '');
    const expected = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toMatch(/\r\nUID:.+\r\n/);
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(text).toContain(`DTSTART;VALUE=DATE:${expected}`);
    expect(text).toContain('SUMMARY:30-day check-in: Rota swaps\\, within limits');
    expect(text).toContain('Owner: Sam');
    expect(text).toContain('Measures: Days to agree a swap');
  });
});
