import { finishChecks } from './content';
import { FIRST_LESSON, expect, test } from './fixtures';

test('two tabs stay in sync and neither loses the other’s update', async ({ context, course }) => {
  const home = course.page;
  await course.home();
  await expect(course.progressText()).toHaveText(/^0 of/);

  const lessonTab = await context.newPage();
  await lessonTab.goto(FIRST_LESSON);
  // The home tab sees the visit at once: the lesson is in progress, the button offers to continue.
  await expect(home.getByText('In progress').first()).toBeVisible();
  await expect(course.primaryAction()).toHaveText(/^Continue: /);

  // A third tab, opened before the completion, later records its own bookmark.
  const staleTab = await context.newPage();
  await staleTab.goto(FIRST_LESSON);

  await finishChecks(lessonTab, 'leadership-in-the-plural');
  await lessonTab.getByRole('link', { name: /^Complete lesson and/ }).click();
  await expect(course.progressText()).toHaveText(/^1 of/);
  await expect(home.getByText('Completed').first()).toBeVisible();

  const section = staleTab.locator('[data-lesson] .prose h2[id]').nth(1);
  const id = await section.getAttribute('id');
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect
    .poll(async () => (await course.storedProgress(staleTab)) as { location?: { section?: string } } | null)
    .toMatchObject({ location: { section: id } });
  const stored = (await course.storedProgress(staleTab)) as { lessons: Record<string, { completedAt?: string }> };
  expect(stored.lessons['leadership-in-the-plural']?.completedAt).toBeTruthy();
  await expect(course.progressText()).toHaveText(/^1 of/);
});
