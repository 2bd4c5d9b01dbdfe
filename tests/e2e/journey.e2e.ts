/**
 * The whole course, as a learner with a keyboard: every lesson with every knowledge check, the
 * scenarios played to an ending, the 90-day plan, the final assessment passed, the certificate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { answer, byPrompt, hydrated, lessonSlugs } from './content';
import { expect, test } from './fixtures';

test.setTimeout(240_000);

const scenarioOf = (slug: string) => {
  const body = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'lessons', `${String(lessonSlugs().indexOf(slug) + 1).padStart(2, '0')}-${slug}.mdx`), 'utf8');
  return /<Scenario\s+id="([^"]+)"/.exec(body)?.[1];
};

async function press(page: Page, name: string | RegExp, scope = page.locator('body')) {
  await hydrated(page);
  await scope.getByRole('button', { name }).first().focus();
  await page.keyboard.press('Enter');
}

test('a learner completes all seven lessons, the scenarios, the assessment and gets the certificate', async ({ page, course }) => {
  const slugs = lessonSlugs();
  expect(slugs).toHaveLength(7);
  await course.home();
  await expect(course.progressText()).toHaveText('0 of 7 lessons completed');
  await course.primaryAction().focus();
  await page.keyboard.press('Enter');

  for (const [i, slug] of slugs.entries()) {
    await expect(page).toHaveURL(new RegExp(`/lessons/${slug}/$`));
    const scenarioId = scenarioOf(slug);
    if (scenarioId) {
      const scenario = yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'scenarios', `${scenarioId}.yaml`), 'utf8')) as { title: string; nodes: unknown[] };
      const box = page.getByRole('region', { name: scenario.title });
      for (let n = 0; n < scenario.nodes.length; n++) {
        await box.getByRole('list').filter({ has: page.getByRole('button') }).last().getByRole('button').first().focus();
        await page.keyboard.press('Enter');
        await press(page, /^(Continue|See how it ended)$/, box);
      }
      await expect(box.getByRole('heading', { name: /^Ending: / })).toBeVisible();
    }
    if (slug === 'designing-your-leadership-mix') {
      const plan = page.getByRole('form', { name: 'Your 90-day experiment' });
      // The builder hydrates when it scrolls into view.
      await plan.scrollIntoViewIfNeeded();
      await expect(plan.getByRole('button', { name: 'Save my plan' })).toBeEnabled();
      await page.waitForFunction(() => !document.querySelector('astro-island[component-url*="ActionPlanBuilder"][ssr]'));
      for (const [label, value] of [
        ['1. The decision to redistribute', 'Approving small repairs up to a written limit'],
        ['2. The mechanism', 'A delegation agreement'],
        ['3. The owner', 'The repairs supervisor'],
        ['Measure 1', 'Days from inspection to order'],
        ['Measure 2', 'Approvals later reversed'],
      ]) {
        await plan.getByLabel(label!, { exact: true }).focus();
        await page.keyboard.type(value!);
      }
      await plan.getByLabel('5. Check-in date').fill('2099-03-01');
      await press(page, 'Save my plan', plan);
      await expect(plan.getByText('Saved in this browser. Your plan is complete.')).toBeVisible();
    }
    await course.completeLesson();
    if (i < slugs.length - 1) await expect(page).toHaveURL(new RegExp(`/lessons/${slugs[i + 1]}/$`));
  }

  await expect(page.getByText('Every lesson is completed. Next:')).toBeVisible();
  await expect(course.progressText()).toHaveText('7 of 7 lessons completed');
  await page.getByRole('link', { name: 'the final assessment' }).focus();
  await page.keyboard.press('Enter');
  await press(page, 'Start the assessment');
  const groups = page.getByRole('group', { name: /^Question \d+ of \d+/ });
  for (let q = 0; q < (await groups.count()); q++) {
    const group = groups.nth(q);
    await answer(page, group, byPrompt((await group.locator('legend').textContent()) ?? ''), true);
  }
  await press(page, 'Submit my answers');
  await expect(page.getByRole('heading', { name: 'You passed: 100%' })).toBeFocused();
  await page.getByRole('link', { name: 'Get your certificate' }).focus();
  await page.keyboard.press('Enter');
  await hydrated(page);
  await page.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.type('Grace Hopper');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Leading Together' }).getByText('Grace Hopper')).toBeVisible();
});

test.describe('the 90-day plan', () => {
  test('is kept after a reload, says what is missing, and exports as Markdown', async ({ page }) => {
    await page.goto('/lessons/designing-your-leadership-mix/');
    const plan = page.getByRole('form', { name: 'Your 90-day experiment' });
    await plan.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('astro-island[component-url*="ActionPlanBuilder"][ssr]'));
    await plan.getByLabel('1. The decision to redistribute').fill('Rota swaps');
    await plan.getByRole('button', { name: 'Save my plan' }).click();
    await expect(plan.getByText(/still missing/)).toBeVisible();
    await expect(plan.getByText('Name the owner of the experiment.')).toBeVisible();
    await expect(plan.getByLabel('3. The owner')).toHaveAccessibleDescription('Name the owner of the experiment.');
    await page.reload();
    const again = page.getByRole('form', { name: 'Your 90-day experiment' });
    await again.scrollIntoViewIfNeeded();
    await expect(again.getByLabel('1. The decision to redistribute')).toHaveValue('Rota swaps');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export (Markdown)' }).click()]);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile((await download.path())!, 'utf8')).toContain('- **Decision to redistribute:** Rota swaps');
  });
});

