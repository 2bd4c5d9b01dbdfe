import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PATH = '/diagnostic/';
const STATEMENTS = 24;
const FLAGS = 6;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** The form's questions in order: 24 statements, then 6 red flags, each a group named by its legend. */
const question = (page: Page, index: number) => page.getByRole('group').nth(index);

async function openForm(page: Page) {
  await page.goto(PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'Team readiness diagnostic' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Rate your team' })).toBeVisible();
  await expect(page.getByRole('group')).toHaveCount(STATEMENTS + FLAGS);
  // The server-rendered form looks the same before hydration; an answer given before it would be lost.
  await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
}

/** Answers with the mouse: `value(i)` for statement i (1–5), `flag(i)` for red flag i. */
async function answerAll(page: Page, value: (i: number) => number, flag: (i: number) => boolean) {
  for (let i = 0; i < STATEMENTS; i++) {
    await question(page, i).getByRole('radio', { name: new RegExp(`^${value(i)} `) }).check();
  }
  for (let i = 0; i < FLAGS; i++) {
    await question(page, STATEMENTS + i).getByRole('radio', { name: flag(i) ? 'Yes' : 'No', exact: true }).check();
  }
}

const seeResult = (page: Page) => page.getByRole('button', { name: 'See my result' });
const scoresTable = (page: Page) => page.getByRole('table', { name: /^Your scores by dimension/ });
const resultHeading = (page: Page) => page.getByRole('heading', { level: 2, name: 'Your result' });

test.describe('the team readiness diagnostic', () => {
  test('keyboard only: answer everything, see the result, and find it again after a reload', async ({ page, course, pageErrors }) => {
    test.setTimeout(120_000); // 30 questions answered key by key
    await openForm(page);
    await page.getByRole('heading', { level: 1 }).click(); // a starting point for Tab, before the form
    const focusedIn = (index: number) => question(page, index).evaluate((group) => group.contains(document.activeElement));
    // Statements: 4 (Agree) everywhere, so every dimension scores 12; red flags: yes to the first two.
    for (let i = 0; i < STATEMENTS + FLAGS; i++) {
      for (let presses = 0; !(await focusedIn(i)); presses++) {
        expect(presses, `Tab never reached question ${i + 1}`).toBeLessThan(10);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Space');
      const arrows = i < STATEMENTS ? 3 : i - STATEMENTS < 2 ? 0 : 1;
      for (let k = 0; k < arrows; k++) await page.keyboard.press('ArrowRight');
    }
    await expect(question(page, 0).getByRole('radio', { name: '4 Agree' })).toBeChecked();
    await expect(question(page, STATEMENTS - 1).getByRole('radio', { name: '4 Agree' })).toBeChecked();
    await expect(question(page, STATEMENTS).getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
    await expect(question(page, STATEMENTS + 2).getByRole('radio', { name: 'No', exact: true })).toBeChecked();

    await page.keyboard.press('Tab');
    await expect(seeResult(page)).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(resultHeading(page)).toBeFocused();
    await expect(page.getByRole('img', { name: /^Bar chart of your scores/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Trust 12 \(strength\)/ })).toBeVisible();
    await expect(scoresTable(page).getByRole('rowheader')).toHaveCount(8);
    await expect(scoresTable(page).getByRole('row', { name: /^Trust 12 Strength$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'High trust, interdependence, expertise and clarity' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Risk: delegation dressed up as distribution' })).toBeVisible();
    await expect(page.getByText('You answered yes to 2 of 6 red flags:')).toBeVisible();

    const stored = (await course.storedProgress()) as { diagnostics?: { answers: number[]; flags: boolean[] }[] };
    expect(stored.diagnostics).toHaveLength(1);
    expect(stored.diagnostics?.[0]?.answers).toEqual(Array(STATEMENTS).fill(4));
    expect(stored.diagnostics?.[0]?.flags).toEqual([true, true, false, false, false, false]);

    await page.reload();
    await expect(resultHeading(page)).toBeVisible();
    await expect(scoresTable(page).getByRole('rowheader')).toHaveCount(8);
    await expect(scoresTable(page).getByRole('row', { name: /^Trust 12 Strength$/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Bar chart of your scores/ })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('missing answers: an error summary says how many, links to each, and nothing is saved', async ({ page, course }) => {
    await openForm(page);
    for (let i = 0; i < 3; i++) await question(page, i).getByRole('radio', { name: /^3 / }).check();
    await seeResult(page).click();

    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading', { name: '27 answers are missing' })).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(27);
    await expect(question(page, 3)).toHaveAccessibleDescription('Choose an answer from 1 to 5.');
    await expect(question(page, 0)).not.toHaveAccessibleDescription(/Choose/);

    await summary.getByRole('link', { name: /^Statement 4: / }).click();
    await expect(question(page, 3).getByRole('radio', { name: /^1 / })).toBeFocused();
    expect(await course.storedProgress()).toBeNull();

    // Answering all but one statement: the summary counts again on the next try.
    for (let i = 3; i < STATEMENTS; i++) if (i !== 10) await question(page, i).getByRole('radio', { name: /^2 / }).check();
    for (let i = 0; i < FLAGS; i++) await question(page, STATEMENTS + i).getByRole('radio', { name: 'No', exact: true }).check();
    await seeResult(page).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('alert').getByRole('heading', { name: '1 answer is missing' })).toBeVisible();
    await expect(page.getByRole('alert').getByRole('link')).toHaveCount(1);
    await expect(page.getByRole('alert').getByRole('link', { name: /^Statement 11: / })).toBeVisible();
    expect(await course.storedProgress()).toBeNull();
  });

  test('a retake with different answers shows the previous score and the change', async ({ page, course }) => {
    test.setTimeout(120_000); // two complete forms
    await openForm(page);
    await answerAll(page, () => 4, () => false);
    await seeResult(page).click();
    await expect(resultHeading(page)).toBeFocused();
    await expect(scoresTable(page).getByRole('columnheader', { name: 'Previous score' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Retake the diagnostic' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Retake the diagnostic' })).toBeFocused();
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await answerAll(page, (i) => (i < 3 ? 5 : 3), (i) => i === 0);
    await seeResult(page).click();

    await expect(resultHeading(page)).toBeFocused();
    const table = scoresTable(page);
    await expect(table).toHaveAccessibleName('Your scores by dimension, with your previous result');
    await expect(table.getByRole('columnheader', { name: 'Previous score' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Change' })).toBeVisible();
    await expect(table.getByRole('row', { name: /^Shared purpose 15 Strength 12 \+3$/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /^Trust 9 Developing 12 \u22123$/ })).toBeVisible();
    await expect(page.getByText(/Compared with your previous result/)).toBeVisible();
    await expect(page.getByText('You answered yes to 1 of 6 red flags:')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Risk: delegation dressed up as distribution' })).toHaveCount(0);

    const stored = (await course.storedProgress()) as { diagnostics?: unknown[] };
    expect(stored.diagnostics).toHaveLength(2);
    await page.reload();
    await expect(scoresTable(page).getByRole('row', { name: /^Trust 9 Developing 12 \u22123$/ })).toBeVisible();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`diagnostic, axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('the form, the error state and the result have no violations', async ({ page }) => {
      test.setTimeout(180_000); // four full-page axe runs and two complete forms (over a minute on a busy machine)
      await openForm(page);
      expect(await violations(page), 'form').toEqual([]);

      await seeResult(page).click();
      await expect(page.getByRole('alert')).toBeFocused();
      expect(await violations(page), 'error state').toEqual([]);

      await answerAll(page, (i) => (i % 5) + 1, (i) => i % 2 === 0);
      await seeResult(page).click();
      await expect(resultHeading(page)).toBeFocused();
      expect(await violations(page), 'result').toEqual([]);

      // A second result, for the comparison columns and the integrity warning.
      await page.getByRole('button', { name: 'Retake the diagnostic' }).click();
      await answerAll(page, () => 2, () => true);
      await seeResult(page).click();
      await expect(scoresTable(page).getByRole('columnheader', { name: 'Change' })).toBeVisible();
      expect(await violations(page), 'result with a previous result and the warning').toEqual([]);
    });
  });
}

test('the result reflows at 320 px: the chart scales and only the table scrolls', async ({ page }) => {
  await openForm(page);
  await answerAll(page, () => 3, () => false);
  await seeResult(page).click();
  await expect(resultHeading(page)).toBeFocused();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const chart = await page.getByRole('img', { name: /^Bar chart of your scores/ }).boundingBox();
  expect(chart?.width ?? 0).toBeLessThanOrEqual(320);
  await expect(page.getByRole('region', { name: /^Your scores by dimension/ })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page is a printable worksheet with every statement, the scoring and the red flags', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 2, name: /worksheet$/ })).toBeVisible();
    await expect(page.getByText('1 2 3 4 5', { exact: true })).toHaveCount(STATEMENTS);
    await expect(page.getByText('Yes No', { exact: true })).toHaveCount(FLAGS);
    await expect(page.getByRole('heading', { name: 'Scoring' })).toBeVisible();
    await expect(page.getByText(/^3–7: Constraint\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'See my result' })).toBeHidden();
  });
});
