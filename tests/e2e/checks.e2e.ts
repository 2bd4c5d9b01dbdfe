import AxeBuilder from '@axe-core/playwright';
import { answer, checkForm, checkIdsOf, hydrated, question } from './content';
import { checkOrder } from '../../src/lib/questions/check-order';
import { FIRST_LESSON, PROGRESS_KEY, expect, test } from './fixtures';

const ids = checkIdsOf('leadership-in-the-plural');
const kinds = ids.map((id) => question(id).kind);

test.describe('knowledge checks, keyboard only', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FIRST_LESSON);
    await hydrated(page);
  });

  test('lesson 1 uses every kind of check', () => {
    expect(new Set(kinds)).toEqual(new Set(['single', 'multiple', 'classify']));
  });

  for (const kind of ['single', 'multiple', 'classify'] as const) {
    test(`${kind}: wrong → feedback → try again → right`, async ({ page }) => {
      const index = kinds.indexOf(kind);
      const q = question(ids[index]!);
      const form = checkForm(page, index + 1);

      await answer(page, form, q, false);
      await form.getByRole('button', { name: 'Check answer' }).focus();
      await page.keyboard.press('Enter');
      const feedback = form.getByRole('group', { name: /^(Incorrect|Partly correct)\./ });
      await expect(feedback).toBeVisible();
      await expect(feedback).toBeFocused();
      // The result is announced in a polite live region.
      await expect(form.locator('[aria-live="polite"]')).toHaveText(/^(Incorrect|Partly correct)\./);
      await expect(form.getByText('1 try left')).toBeVisible();
      // No answer is given away before the last try.
      await expect(form.getByText(q.explanation)).toHaveCount(0);

      await form.getByRole('button', { name: 'Try again' }).focus();
      await page.keyboard.press('Enter');
      await expect(form.locator('input, select').first()).toBeFocused();
      await answer(page, form, q, true);
      await form.getByRole('button', { name: 'Check answer' }).focus();
      await page.keyboard.press('Enter');
      const right = form.getByRole('group', { name: /^Correct\./ });
      await expect(right).toBeFocused();
      await expect(right.getByText(q.explanation)).toBeVisible();
      await expect(form.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    });
  }

  test('tries used up → the correct answer and explanation are shown, and stay after a reload', async ({ page }) => {
    const index = kinds.indexOf('multiple');
    const q = question(ids[index]!);
    if (q.kind !== 'multiple') throw new Error('expected a multiple-response check');
    const form = checkForm(page, index + 1);
    for (let i = 0; i < q.attempts; i++) {
      if (i > 0) {
        await form.getByRole('button', { name: 'Try again' }).focus();
        await page.keyboard.press('Enter');
      }
      await answer(page, form, q, false);
      await form.getByRole('button', { name: 'Check answer' }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(form.getByText(`You have used all ${q.attempts} tries.`)).toBeVisible();
    await form.getByRole('button', { name: 'Show answer' }).focus();
    await page.keyboard.press('Enter');
    const answerBox = form.getByRole('group', { name: /^The correct answers?$/ });
    await expect(answerBox).toBeFocused();
    for (const o of q.options.filter((x) => x.correct)) await expect(answerBox.getByText(o.text, { exact: true })).toBeVisible();
    await expect(answerBox.getByText(q.explanation)).toBeVisible();
    // Missed correct options now get their feedback too.
    await expect(form.getByText(q.options.find((o) => o.correct)!.feedback)).toBeVisible();

    await page.reload();
    const again = checkForm(page, index + 1);
    await expect(again.getByRole('group', { name: /^Incorrect\./ })).toBeVisible();
    await expect(again.getByRole('group', { name: /^The correct answers?$/ })).toBeVisible();
    for (const o of q.options) {
      await expect(again.getByRole('checkbox', { name: o.text, exact: true })).toBeChecked({ checked: !o.correct });
    }
  });

  test('a reload restores each answer with its feedback', async ({ page }) => {
    const index = kinds.indexOf('single');
    const q = question(ids[index]!);
    if (q.kind !== 'single') throw new Error('expected a single-choice check');
    const form = checkForm(page, index + 1);
    await answer(page, form, q, false);
    await form.getByRole('button', { name: 'Check answer' }).focus();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('group', { name: /^Incorrect\./ })).toBeVisible();
    await page.reload();
    const restored = checkForm(page, index + 1);
    const wrong = q.options.find((o) => !o.correct)!;
    await expect(restored.getByRole('radio', { name: wrong.text, exact: true })).toBeChecked();
    await expect(restored.getByRole('group', { name: /^Incorrect\./ })).toBeVisible();
    await expect(restored.getByText(wrong.feedback)).toBeVisible();
    await expect(restored.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('the lesson completes only when every check is finished', async ({ page, course }) => {
    await page.getByRole('link', { name: /^Complete lesson and/ }).focus();
    await page.keyboard.press('Enter');
    const message = page.getByRole('group', { name: 'To complete this lesson, first finish:' });
    await expect(message.getByRole('link', { name: /^Knowledge check \d/ })).toHaveCount(ids.length);
    await expect(message.getByRole('link', { name: /^Knowledge check 1 / })).toBeVisible();
    // Focus moves from the button to the list of what is left, with a visible focus indicator; it
    // is read out once, on focus, and not a second time by a live region.
    await expect(message).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'To complete this lesson' })).toHaveCount(0);
    const focused = page.locator(':focus');
    await expect(focused).toContainText('Knowledge check 1');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Tab');
    await expect(message.getByRole('link', { name: /^Knowledge check 1 / })).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${FIRST_LESSON}$`));
    await course.completeLesson();
    await course.home();
    await expect(course.progressText()).toHaveText(/^1 of/);
  });

  test('axe: no violations with feedback and answers showing', async ({ page }) => {
    for (const [i, id] of ids.entries()) {
      const form = checkForm(page, i + 1);
      await answer(page, form, question(id), false);
      await form.getByRole('button', { name: 'Check answer' }).click();
      if (i === 0) {
        await form.getByRole('button', { name: 'Try again' }).click();
        await answer(page, form, question(id), false);
        await form.getByRole('button', { name: 'Check answer' }).click();
      }
    }
    await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), colorScheme).toEqual([]);
    }
  });
});

test('reflections save as the learner types and gather on "My notes"', async ({ page }) => {
  await page.goto(FIRST_LESSON);
  const box = page.getByRole('textbox', { name: /^Reflect / });
  await box.focus();
  await page.keyboard.type('Our rota decisions moved to the team in March.');
  await expect(page.getByText('46 / 5,000 characters')).toBeVisible();
  await expect(page.getByText('Saved in this browser.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Reflect / })).toHaveValue('Our rota decisions moved to the team in March.');

  await page.goto('/notes/');
  await expect(page.getByText('You have written 1 of')).toBeVisible();
  await expect(page.getByText('Our rota decisions moved to the team in March.')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my notes (Markdown)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^leading-together-notes-\d{4}-\d{2}-\d{2}\.md$/);
  const { readFile } = await import('node:fs/promises');
  const markdown = await readFile((await download.path())!, 'utf8');
  expect(markdown).toContain('# My notes: Leading Together');
  expect(markdown).toContain('> Our rota decisions moved to the team in March.');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a reflection stops at 5,000 characters', async ({ page }) => {
  await page.goto(FIRST_LESSON);
  await hydrated(page);
  const box = page.getByRole('textbox', { name: /^Reflect / });
  await box.fill('x'.repeat(5100));
  await expect(box).toHaveValue('x'.repeat(5000));
  await expect(page.getByText('5,000 / 5,000 characters')).toBeVisible();
  await expect(page.getByText('You have reached the 5,000-character limit.')).toBeVisible();
});

test.describe("each learner's own order of options", () => {
  const choiceIds = ids.filter((id) => question(id).kind !== 'classify');
  /** The options' texts as the check shows them, top to bottom. */
  const shownOrder = (page: import('@playwright/test').Page, number: number) =>
    checkForm(page, number).locator('.check__option').allInnerTexts();
  const expected = (id: string, seed: number) => {
    const q = question(id);
    return q.kind === 'classify' ? [] : checkOrder(q.options, seed, q.id).map((o) => o.text);
  };
  const authored = (id: string) => {
    const q = question(id);
    return q.kind === 'classify' ? [] : q.options.map((o) => o.text);
  };

  test('options follow the seed saved in progress, survive a reload, and are graded by meaning, not position', async ({ page, course }) => {
    await page.goto(FIRST_LESSON);
    await hydrated(page);
    // Opening a lesson gives the learner a seed of their own, saved with their progress.
    await expect.poll(async () => typeof ((await course.storedProgress()) as { optionSeed?: unknown } | null)?.optionSeed).toBe('number');
    const seed = ((await course.storedProgress()) as { optionSeed: number }).optionSeed;
    for (const id of choiceIds) {
      await expect.poll(() => shownOrder(page, ids.indexOf(id) + 1)).toEqual(expected(id, seed));
    }

    // Another learner (another seed, chosen so the first choice check comes out in a different order).
    const first = choiceIds[0]!;
    let other = seed + 1;
    while (expected(first, other).join() === expected(first, seed).join() || expected(first, other).join() === authored(first).join()) other += 1;
    await page.evaluate(([key, value]) => {
      const p = JSON.parse(localStorage.getItem(key as string)!);
      localStorage.setItem(key as string, JSON.stringify({ ...p, optionSeed: value }));
    }, [PROGRESS_KEY, other] as const);
    await page.reload();
    await hydrated(page);
    const number = ids.indexOf(first) + 1;
    await expect.poll(() => shownOrder(page, number)).toEqual(expected(first, other));

    // Answered right in this order, it is graded right, and still after a reload, in the same order.
    const q = question(first);
    const form = checkForm(page, number);
    await answer(page, form, q, true);
    await form.getByRole('button', { name: 'Check answer' }).focus();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('group', { name: /^Correct\./ })).toBeVisible();
    await page.reload();
    await hydrated(page);
    const again = checkForm(page, number);
    await expect(again.getByRole('group', { name: /^Correct\./ })).toBeVisible();
    await expect.poll(() => shownOrder(page, number)).toEqual(expected(first, other));
    if (q.kind !== 'classify') {
      for (const o of q.options.filter((x) => x.correct)) await expect(again.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: o.text, exact: true })).toBeChecked();
    }
    expect(((await course.storedProgress()) as { optionSeed: number }).optionSeed).toBe(other);
  });
});
