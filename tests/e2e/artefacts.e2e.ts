/**
 * The artefact builders (content/artefacts/): each by keyboard, as a learner on their own team
 * would: fill, self-assess, save (announced), reload (kept), print (what the page shows on paper),
 * export (the notes' Markdown carries it), and the lesson end lists it until it is done. axe on each state.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { artefactForm, artefacts, fillArtefact, finishChecks, hydrated } from './content';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

for (const a of artefacts) {
  test(`${a.title}: filled and self-assessed by keyboard, kept after a reload, printed, exported with the notes`, async ({ page, pageErrors }) => {
    await page.goto(`/lessons/${a.lesson}/`);
    await hydrated(page);
    // The worked example and the builder, under the artefact's heading.
    const block = page.getByRole('region', { name: a.title });
    await expect(block.getByRole('heading', { name: 'A worked example' })).toBeVisible();
    await expect(block.getByText(a.exemplar.setting)).toBeVisible();
    const text = (field: string) => `${a.id} ${field}: what our team agreed`;
    const form = await fillArtefact(page, a, text);
    expect(await violations(page), 'saved').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page), 'saved, dark scheme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    await page.reload();
    const again = await artefactForm(page, a);
    for (const [i, f] of a.fields.entries()) {
      await expect(again.getByRole('textbox', { name: `${i + 1}. ${f.label}${f.optional ? ' (optional)' : ''}`, exact: true })).toHaveValue(text(f.id));
    }
    await expect(again.getByRole('group', { name: a.rubric[1]!.text, exact: true }).getByRole('radio', { name: 'Partly' })).toBeChecked();
    await expect(again.getByRole('group', { name: a.rubric[0]!.text, exact: true }).getByRole('radio', { name: 'Yes' })).toBeChecked();

    // On paper: what was written as text (not in clipped boxes), the ratings, the example; no buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(form.getByText(text(a.fields[0]!.id), { exact: true })).toBeVisible();
    await expect(form.getByRole('textbox').first()).toBeHidden();
    await expect(form.getByRole('button', { name: 'Save my draft' })).toBeHidden();
    await expect(form.getByRole('radio', { name: 'Partly' }).nth(1)).toBeChecked();
    await expect(block.getByText(a.exemplar.values[a.fields[0]!.id]!)).toBeVisible();
    await expect(page.getByRole('link', { name: /^Complete lesson and/ })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/notes/');
    const works = page.getByRole('region', { name: 'My work products' });
    await expect(works.getByRole('heading', { name: a.title })).toBeVisible();
    await expect(works.getByText(text(a.fields[0]!.id))).toBeVisible();
    await expect(works.getByText(`Partly: ${a.rubric[1]!.text}`)).toBeVisible();
    expect(await violations(page), 'notes').toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my notes (Markdown)' }).click()]);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(`## My work products\n\n### ${a.title}\n`);
    expect(markdown).toContain(`> ${text(a.fields[0]!.id)}`);
    expect(markdown).toContain(`- Partly: ${a.rubric[1]!.text}`);
    expect(pageErrors).toEqual([]);
  });
}

test('the lesson end lists the artefact until every part is written and checked against the rubric', async ({ page }) => {
  const a = artefacts.find((x) => x.id === 'delegation-agreement')!;
  await page.goto(`/lessons/${a.lesson}/`);
  await hydrated(page);
  await expect(page.locator('#lesson-end')).toContainText(`It also needs your ${a.title.toLowerCase()}: every part written and checked against the rubric.`);
  await finishChecks(page, a.lesson);
  const form = await artefactForm(page, a);
  // One part written and saved: not done yet, and the builder says what is open.
  await form.getByRole('textbox', { name: `1. ${a.fields[0]!.label}` }).focus();
  await page.keyboard.type('Parents’ evening');
  await form.getByRole('button', { name: 'Save my draft' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(`Saved in this browser. Still open: ${a.fields.length - 1} parts to write and ${a.rubric.length} criteria to check.`);
  const complete = page.getByRole('link', { name: /^Complete lesson and/ });
  await complete.focus();
  await page.keyboard.press('Enter');
  const left = page.getByRole('group', { name: 'To complete this lesson, first finish:' });
  await expect(left).toBeFocused();
  await expect(left.getByRole('listitem')).toHaveCount(1);
  await expect(left.getByRole('link', { name: `${a.title} (write every part, check it against the rubric and save)` })).toBeVisible();
  expect(await violations(page), 'what is left').toEqual([]);
  await fillArtefact(page, a);
  await complete.focus();
  await Promise.all([page.waitForURL(/\/lessons\/distributed-leadership-as-practice\/$/), page.keyboard.press('Enter')]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('each builder is a readable worksheet with the worked example and the rubric', async ({ page }) => {
    for (const a of artefacts) {
      await page.goto(`/lessons/${a.lesson}/`);
      const block = page.getByRole('region', { name: a.title });
      await expect(block.getByRole('heading', { name: 'Your draft', exact: true })).toBeVisible();
      for (const f of a.fields) await expect(block.getByRole('listitem').filter({ hasText: f.label }).first()).toBeVisible();
      await expect(block.getByRole('heading', { name: 'Check your draft against the rubric' })).toBeVisible();
      for (const c of a.rubric) await expect(block.getByRole('listitem').filter({ hasText: c.text })).toBeVisible();
      await expect(block.getByText(a.exemplar.values[a.fields[1]!.id]!)).toBeVisible();
    }
  });
});

test('the 90-day plan is on “My notes” and in its export, with the artefacts', async ({ page }) => {
  await page.goto('/lessons/designing-your-leadership-mix/');
  const plan = page.getByRole('form', { name: 'Your 90-day experiment' });
  await plan.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('astro-island[component-url*="ActionPlanBuilder"][ssr]'));
  await plan.getByLabel('1. The decision to redistribute').focus();
  await page.keyboard.type('Rota swaps');
  await plan.getByRole('button', { name: 'Save my plan' }).focus();
  await page.keyboard.press('Enter');
  await expect(plan.getByText(/still missing/)).toBeVisible();
  await page.goto('/notes/');
  const works = page.getByRole('region', { name: 'My work products' });
  await expect(works.getByRole('heading', { name: 'My 90-day experiment' })).toBeVisible();
  await expect(works.getByText('Rota swaps')).toBeVisible();
  expect(await violations(page), 'notes with the plan').toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my notes (Markdown)' }).click()]);
  expect(await readFile((await download.path())!, 'utf8')).toContain('### My 90-day experiment\n\n- **Decision to redistribute:** Rota swaps\n');
});
