import { FIRST_LESSON, FIRST_LESSON_TITLE, SECOND_LESSON, expect, test } from './fixtures';

test.describe('a learner working through the course', () => {
  test('a new learner starts, completes lesson 1, and is offered to continue', async ({ page, course, pageErrors }) => {
    await course.home();
    await expect(course.primaryAction()).toHaveText('Start the course');
    await expect(course.progressText()).toHaveText(/^0 of \d+ lessons? completed$/);
    await expect(page.getByRole('progressbar')).toHaveAttribute('value', '0');
    const firstCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Lesson 1: ${FIRST_LESSON_TITLE}` }) });
    await expect(firstCard.getByText('Not started')).toBeVisible();

    await course.primaryAction().click();
    await expect(page).toHaveURL(new RegExp(`${FIRST_LESSON}$`));
    await expect(page.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'By the end of this lesson you can…' })).toBeVisible();
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    await expect(outline.getByRole('link', { name: new RegExp(FIRST_LESSON_TITLE) })).toHaveAttribute('aria-current', 'page');
    await expect(outline.getByText('In progress')).toBeVisible();

    await course.completeLesson();
    // The button leads on to the next lesson.
    await expect(page).toHaveURL(new RegExp(`${SECOND_LESSON}$`));
    await course.home();
    await expect(course.progressText()).toHaveText(/^1 of \d+ lessons? completed$/);
    await expect(course.primaryAction()).toHaveText(/^Continue: /);
    await expect(firstCard.getByText('Completed')).toBeVisible();

    await page.reload();
    await expect(course.progressText()).toHaveText(/^1 of \d+ lessons? completed$/);
    await expect(course.primaryAction()).toHaveText(/^Continue: /);
    await page.goto(FIRST_LESSON);
    await expect(page.getByRole('navigation', { name: 'Course outline' }).getByText('Completed')).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('"Continue" returns to the exact section the learner reached', async ({ page, course }) => {
    await page.goto(FIRST_LESSON);
    const sections = page.locator('[data-lesson] .prose h2[id]');
    expect(await sections.count()).toBeGreaterThan(2);
    const target = sections.nth(2);
    const id = await target.getAttribute('id');
    const title = (await target.textContent())?.trim() ?? '';
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(async () => ((await course.storedProgress()) as { location?: { section?: string } })?.location?.section).toBe(id);

    await course.home();
    await expect(course.primaryAction()).toHaveText(`Continue: ${FIRST_LESSON_TITLE}`);
    await expect(course.primaryAction()).toHaveAttribute('href', `${FIRST_LESSON}#${id}`);
    await course.primaryAction().click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeInViewport();
  });

  test('a reload keeps the section reached, and reopening the lesson at the top keeps it until the learner scrolls', async ({ page, course }) => {
    const recorded = async () => ((await course.storedProgress()) as { location?: { section?: string } })?.location?.section;
    // Opened from a link without "#", then read down to a later section.
    await page.goto(FIRST_LESSON);
    const sections = page.locator('[data-lesson] .prose h2[id]');
    const later = sections.nth(2);
    const id = await later.getAttribute('id');
    const title = (await later.textContent())?.trim() ?? '';
    await later.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(recorded).toBe(id);

    // The browser restores the scroll position on a reload: the bookmark stays where the learner is.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeInViewport();
    await course.home();
    await expect(course.primaryAction()).toHaveAttribute('href', `${FIRST_LESSON}#${id}`);

    // Opening the lesson again at the top (the outline's link) does not erase the later bookmark…
    await page.goto(FIRST_LESSON);
    await expect(page.getByRole('navigation', { name: 'Course outline' }).getByText('In progress')).toBeVisible();
    await course.home();
    await expect(course.primaryAction()).toHaveAttribute('href', `${FIRST_LESSON}#${id}`);

    // …scrolling back to an earlier section does.
    await page.goto(FIRST_LESSON);
    const earlier = sections.nth(0);
    const earlierId = await earlier.getAttribute('id');
    await earlier.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(recorded).toBe(earlierId);
    await course.home();
    await expect(course.primaryAction()).toHaveAttribute('href', `${FIRST_LESSON}#${earlierId}`);
  });

  for (const trainer of [false, true]) {
    test(`"Continue" points to a section the learner can see (trainer mode ${trainer ? 'on' : 'off'})`, async ({ page, course }) => {
      if (trainer) await page.addInitScript(() => localStorage.setItem('lt-trainer', 'on'));
      await page.goto(FIRST_LESSON);
      const notes = page.getByRole('heading', { level: 2, name: 'Facilitator notes' });
      if (trainer) {
        // Shown in trainer mode: the notes are a section like any other.
        await notes.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      } else {
        await expect(notes).toBeHidden();
        // A little reading, still above the lesson's first section.
        await page.evaluate(() => window.scrollBy(0, 40));
      }
      await expect.poll(async () => ((await course.storedProgress()) as { location?: { section?: string } })?.location?.section).toBeTruthy();
      await course.home();
      await expect(course.primaryAction()).toHaveText(`Continue: ${FIRST_LESSON_TITLE}`);
      const href = await course.primaryAction().getAttribute('href');
      const section = href?.split('#')[1] ?? '';
      if (trainer) expect(section).toBe('facilitator-notes-title');
      else expect(section).not.toBe('facilitator-notes-title');
      await course.primaryAction().click();
      await expect(page.locator(`[id="${section}"]`)).toBeVisible();
      await expect(page.locator(`[id="${section}"]`)).toBeInViewport();
    });
  }

  test('the server page shows the new-learner state and the stored state applies without layout shift', async ({ page, course }) => {
    // Record progress, then look at the raw HTML and at what a returning learner sees.
    await page.goto(FIRST_LESSON);
    await course.completeLesson();
    await course.home();
    await expect(course.primaryAction()).toHaveText(/^Continue: /);
    const html = await (await page.request.get('/')).text();
    expect(html).toContain('Start the course');
    expect(html).toMatch(/>0 of \d+ lessons? completed</);

    await page.addInitScript(() => {
      (window as unknown as { __shifts: number }).__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { __shifts: number }).__shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.reload();
    await expect(course.primaryAction()).toHaveText(/^Continue: /);
    // Layout shifts are reported with the frame that painted them: two more frames, and all are counted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shift = await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts);
    expect(shift).toBeLessThan(0.01);
  });
});
