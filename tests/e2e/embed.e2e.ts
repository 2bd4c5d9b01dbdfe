/**
 * Embedding: another site's page frames the course with the host script (public/embed.js). The
 * course runs at http://localhost:PORT (baseURL); host pages are served from other origins by
 * Playwright routes: http://127.0.0.1:PORT, which content/course.yaml allows, and https://host.test,
 * which it does not. Each host page records what reaches it two ways: the raw `message` events and
 * the DOM events the host script dispatches on the iframe (caught on the document: they bubble).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { answer, checkForm, checkIdsOf, finishChecks, hydrated, lessonSlugs, question } from './content';
import { FIRST_LESSON, FIRST_LESSON_TITLE, PROGRESS_KEY, SECOND_LESSON, expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Chromium asks the learner before a page loads a frame or a script from a loopback address (Local
// Network Access), and refuses outright from a page that is not a secure context. Real host pages
// are not on loopback; these are, or the browser cannot place them (routed), so the test grants it.
test.use({ permissions: ['local-network-access'] });
const LESSON_COUNT = lessonSlugs().length;

interface Received {
  messages: { origin: string; data: Record<string, unknown> }[];
  events: { type: string; detail: Record<string, unknown>; target: string }[];
}

/** The recorder every host page starts with, before the host script and the iframe exist. */
const RECORDER = `<script>
  window.received = { messages: [], events: [] };
  addEventListener('message', (e) => received.messages.push({ origin: e.origin, data: e.data }));
  for (const type of ['ready', 'resize', 'progress', 'completed']) {
    document.addEventListener('leading-together:' + type, (e) => received.events.push({ type, detail: e.detail, target: e.target.tagName }));
  }
</script>`;

function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An intranet page</title>${RECORDER}</head>
<body style="margin:0"><main><h1>Our leadership programme</h1>${body}</main></body></html>`;
}

/** Serves `html` at `url` (any origin: the route answers, no server is involved) and opens it. */
async function openHost(page: Page, url: string, html: string) {
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
}

function courseOrigin(baseURL: string | undefined): string {
  return new URL(baseURL ?? 'http://localhost:4322').origin;
}

function iframeTag(src: string): string {
  return `<iframe data-leading-together src="${src}" title="Leading Together" style="width:100%;border:0"></iframe>`;
}

async function received(page: Page): Promise<Received> {
  return page.evaluate(() => (window as unknown as { received: Received }).received);
}

function pathOf(frame: Frame): string | undefined {
  return URL.canParse(frame.url()) ? new URL(frame.url()).pathname : undefined;
}

/** The course's frame, once its page has loaded and its islands have hydrated. */
async function courseFrame(page: Page, path: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f !== page.mainFrame() && pathOf(f) === path)).toBe(true);
  const frame = page.frames().find((f) => f !== page.mainFrame() && pathOf(f) === path)!;
  await frame.waitForLoadState('load');
  await hydrated(frame);
  return frame;
}

/** Height of the document in the frame, as the course measures it, and whether it scrolls. */
function frameLayout(frame: Frame) {
  return frame.evaluate(() => ({
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
}

async function iframeHeight(page: Page): Promise<number> {
  return page.locator('iframe[data-leading-together]').evaluate((el) => el.clientHeight);
}

function embedChunkLoaded(frameOrPage: Frame | Page) {
  return frameOrPage.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/_astro\/embed\.[^/]+\.js$/.test(e.name)));
}

test.describe('a page on an allowed origin embeds the course', () => {
  test('it hears ready, resize and progress, the frame has no site chrome, and its height follows the content', async ({ page, baseURL, pageErrors }) => {
    const course = courseOrigin(baseURL);
    const host = `http://127.0.0.1:${new URL(course).port}`;
    await openHost(page, `${host}/host-lesson.html`, hostPage(`${iframeTag(`${course}${FIRST_LESSON}?embed=1`)}<script src="${course}/embed.js" defer></script>`));
    const frame = await courseFrame(page, FIRST_LESSON);

    // The frame shows the lesson without the site's header, navigation and footer; the lesson's own
    // navigation stays.
    await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
    await expect(frame.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('contentinfo')).toHaveCount(0);
    await expect(frame.getByRole('navigation', { name: 'Previous and next lesson' })).toBeVisible();

    // The host script re-dispatches ready, resize and progress as bubbling events on the iframe.
    await expect.poll(async () => (await received(page)).events.map((e) => e.type)).toEqual(expect.arrayContaining(['ready', 'resize', 'progress']));
    const { messages, events } = await received(page);
    expect(events.every((e) => e.target === 'IFRAME')).toBe(true);
    expect(events.find((e) => e.type === 'ready')?.detail).toEqual({
      source: 'leading-together',
      type: 'ready',
      course: { id: 'leading-together', title: 'Leading Together' },
      path: FIRST_LESSON,
    });
    expect(events.find((e) => e.type === 'progress')?.detail).toEqual({
      source: 'leading-together',
      type: 'progress',
      percent: 0,
      lessonsCompleted: 0,
      lessonsTotal: LESSON_COUNT,
      lesson: { id: 'leadership-in-the-plural', title: FIRST_LESSON_TITLE },
    });
    // Raw messages: all from the course's origin, the protocol's and Canvas's resize alike.
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.origin === course)).toBe(true);
    expect(messages.some((m) => m.data['subject'] === 'lti.frameResize' && typeof m.data['height'] === 'number')).toBe(true);
    expect(messages.map((m) => m.data['type'])).toEqual(expect.arrayContaining(['ready', 'resize', 'progress']));

    // The iframe is as tall as the lesson: the frame does not scroll, and the page scrolls instead.
    await expect.poll(async () => (await frameLayout(frame)).scrolls).toBe(false);
    const before = await frameLayout(frame);
    expect(before.height).toBeGreaterThan(2000);
    await expect.poll(() => iframeHeight(page)).toBe(before.height);

    // Checking an answer adds feedback: the frame grows with it.
    const form = checkForm(frame, 1);
    await answer(frame, form, question(checkIdsOf('leadership-in-the-plural')[0]!), false);
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(form.getByRole('group', { name: /^(Incorrect|Partly correct)\./ })).toBeVisible();
    await expect.poll(async () => (await frameLayout(frame)).height).toBeGreaterThan(before.height);
    const after = await frameLayout(frame);
    await expect.poll(() => iframeHeight(page)).toBe(after.height);
    expect(after.scrolls).toBe(false);
    await expect.poll(async () => (await received(page)).events.filter((e) => e.type === 'resize').at(-1)?.detail['height']).toBe(after.height);

    // Trying again removes the feedback: the frame shrinks with it.
    await form.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(async () => (await frameLayout(frame)).height).toBeLessThan(after.height);
    const shrunk = await frameLayout(frame);
    await expect.poll(() => iframeHeight(page)).toBe(shrunk.height);
    expect(pageErrors).toEqual([]);
  });

  // A host on the same site (localhost, another port): the browser lets the frame store, as the
  // partitioned storage of Chrome 115+ and Firefox does for any host, so progress and embed mode
  // live in storage. (Chromium under test refuses storage to a frame from another site: see below.)
  test('following a link in the frame keeps embed mode, and progress reaches the host', async ({ page, baseURL }) => {
    const course = courseOrigin(baseURL);
    const host = `http://localhost:${Number(new URL(course).port) + 1}`;
    await openHost(page, `${host}/host-journey.html`, hostPage(`${iframeTag(`${course}${FIRST_LESSON}?embed=1`)}<script src="${course}/embed.js" defer></script>`));
    const frame = await courseFrame(page, FIRST_LESSON);
    await expect(frame.getByRole('status').filter({ hasText: 'not being saved' })).toHaveCount(0);

    await finishChecks(frame, 'leadership-in-the-plural');
    await frame.getByRole('link', { name: 'Complete lesson and continue' }).click();

    // The next lesson, in the frame, still without the site's chrome: the tab remembers embed mode.
    const next = await courseFrame(page, SECOND_LESSON);
    expect(new URL(next.url()).search).toBe('');
    await expect(next.getByRole('heading', { level: 1, name: 'Delegation done well' })).toBeVisible();
    await expect(next.getByRole('navigation', { name: 'Site' })).toHaveCount(0);

    await expect
      .poll(async () => (await received(page)).events.filter((e) => e.type === 'progress').at(-1)?.detail)
      .toEqual({
        source: 'leading-together',
        type: 'progress',
        percent: Math.round(100 / LESSON_COUNT),
        lessonsCompleted: 1,
        lessonsTotal: LESSON_COUNT,
        lesson: { id: 'delegation-done-well', title: 'Delegation done well' },
      });
    expect((await received(page)).events.filter((e) => e.type === 'ready').map((e) => e.detail['path'])).toEqual([FIRST_LESSON, SECOND_LESSON]);
    const layout = await frameLayout(next);
    await expect.poll(() => iframeHeight(page)).toBe((await frameLayout(next)).height);
    expect(layout.scrolls).toBe(false);
  });

  test('completing the course (here, in another tab) sends completed, with the score', async ({ page, baseURL, context }) => {
    const course = courseOrigin(baseURL);
    const host = `http://localhost:${Number(new URL(course).port) + 1}`;
    await openHost(page, `${host}/host-completed.html`, hostPage(`${iframeTag(`${course}${FIRST_LESSON}?embed=1`)}<script src="${course}/embed.js" defer></script>`));
    await courseFrame(page, FIRST_LESSON);
    await expect.poll(async () => (await received(page)).events.some((e) => e.type === 'progress')).toBe(true);

    const other = await context.newPage();
    await other.goto('/');
    await other.evaluate(
      ([key, slugs]) => {
        const at = new Date().toISOString();
        const lessons = Object.fromEntries(slugs.map((id) => [id, { visitedAt: at, completedAt: at }]));
        const assessments = [{ seed: 7, startedAt: at, questions: [], answers: {}, submittedAt: at, score: 85, passed: true }];
        localStorage.setItem(key, JSON.stringify({ version: 2, lessons, assessments, updatedAt: at }));
      },
      [PROGRESS_KEY, lessonSlugs()] as const,
    );

    await expect.poll(async () => (await received(page)).events.filter((e) => e.type === 'completed').map((e) => e.detail)).toEqual([
      { source: 'leading-together', type: 'completed', score: 85, passed: true },
    ]);
    expect((await received(page)).events.filter((e) => e.type === 'progress').at(-1)?.detail).toMatchObject({ percent: 100, lessonsCompleted: LESSON_COUNT });
  });

  test('where the browser refuses storage to the frame, links still keep embed mode', async ({ page, baseURL }) => {
    // Chromium under test already refuses storage to a frame from another site; this makes sure.
    await page.addInitScript(() => {
      if (window === window.top) return;
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const course = courseOrigin(baseURL);
    const host = `http://127.0.0.1:${new URL(course).port}`;
    await openHost(page, `${host}/host-no-storage.html`, hostPage(`${iframeTag(`${course}${FIRST_LESSON}?embed=1`)}<script src="${course}/embed.js" defer></script>`));
    const frame = await courseFrame(page, FIRST_LESSON);
    await expect(frame.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
    await expect.poll(() => embedChunkLoaded(frame)).toBe(true);
    await frame.getByRole('navigation', { name: 'Previous and next lesson' }).getByRole('link', { name: /Delegation done well/ }).click();
    const next = await courseFrame(page, SECOND_LESSON);
    await expect(next.getByRole('heading', { level: 1, name: 'Delegation done well' })).toBeVisible();
    await expect(next.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
    await expect.poll(async () => (await received(page)).events.filter((e) => e.type === 'ready').map((e) => e.detail['path'])).toEqual([FIRST_LESSON, SECOND_LESSON]);
  });

  test('a host script that arrives late, or an iframe added later, still gets the course’s state', async ({ page, baseURL }) => {
    const course = courseOrigin(baseURL);
    const host = `http://127.0.0.1:${new URL(course).port}`;
    // The course loads first, with no host script to hear it…
    await openHost(page, `${host}/host-late.html`, hostPage(iframeTag(`${course}/?embed=1`)));
    const frame = await courseFrame(page, '/');
    await expect.poll(() => embedChunkLoaded(frame)).toBe(true);
    expect((await received(page)).events).toEqual([]);
    // …then the host script comes, says hello, and the course sends its state again.
    await page.addScriptTag({ url: `${course}/embed.js` });
    await expect.poll(async () => (await received(page)).events.map((e) => e.type)).toEqual(expect.arrayContaining(['ready', 'resize', 'progress']));
    await expect.poll(() => iframeHeight(page)).toBe((await frameLayout(frame)).height);

    // An iframe added after the script is found too.
    await page.evaluate((src) => {
      (window as unknown as { received: Received }).received.events = [];
      document.querySelector('iframe')?.remove();
      const iframe = document.createElement('iframe');
      iframe.setAttribute('data-leading-together', '');
      iframe.title = 'Leading Together';
      iframe.src = src;
      document.querySelector('main')?.append(iframe);
    }, `${course}/glossary/?embed=1`);
    const glossary = await courseFrame(page, '/glossary/');
    await expect.poll(async () => (await received(page)).events.find((e) => e.type === 'ready')?.detail['path']).toBe('/glossary/');
    await expect.poll(() => iframeHeight(page)).toBe((await frameLayout(glossary)).height);
  });
});

test('a page on an origin that is not allowed hears nothing', async ({ page, baseURL }) => {
  const course = courseOrigin(baseURL);
  const html = hostPage(`${iframeTag(`${course}${FIRST_LESSON}?embed=1`)}<script src="${course}/embed.js" defer></script>`);

  // The same host page on an allowed origin hears the course within the time waited below…
  await openHost(page, `http://127.0.0.1:${new URL(course).port}/host-control.html`, html);
  await expect.poll(async () => (await received(page)).events.length, { timeout: 3_000 }).toBeGreaterThan(0);

  // …on https://host.test it hears nothing, though the frame is embedded and its messages module loaded.
  await openHost(page, 'https://host.test/host.html', html);
  const frame = await courseFrame(page, FIRST_LESSON);
  await expect(frame.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
  await expect.poll(() => embedChunkLoaded(frame)).toBe(true);
  // The host script's hello is ignored (it went when the frame loaded); so is another one, and a
  // change of the frame's height is kept to the frame.
  await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage({ source: 'leading-together-host', type: 'hello' }, '*'));
  await frame.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p style="height:600px">Added by the test</p>'));
  // Proof that nothing was sent, without waiting a fixed time: after two frames (resize observers
  // run in between) the frame answers a probe sent after the hello. Messages from one window to
  // another arrive in order, so anything the course had sent would have arrived before the answer.
  await frame.evaluate(() => new Promise<void>((done) => {
    addEventListener('message', (event) => {
      if (event.data === 'test-probe') parent.postMessage('test-probe-answer', '*');
    });
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
  }));
  await page.evaluate(() => document.querySelector('iframe')?.contentWindow?.postMessage('test-probe', '*'));
  await expect.poll(async () => (await received(page)).messages.some((m) => (m.data as unknown) === 'test-probe-answer')).toBe(true);
  const { messages, events } = await received(page);
  expect(events).toEqual([]);
  expect(messages.filter((m) => m.origin === course && (m.data as unknown) !== 'test-probe-answer')).toEqual([]);
  // The iframe keeps the browser's default height: nothing resized it.
  expect(await iframeHeight(page)).toBe(150);
});

test.describe('embed mode at the top level', () => {
  test('?embed=1 hides the site chrome for the tab, ?embed=0 brings it back; the messages module loads only in a frame', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
    expect(await embedChunkLoaded(page)).toBe(false);

    await page.goto('/?embed=1');
    await expect(page.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Accessibility statement' })).toBeHidden();
    await page.getByRole('link', { name: 'Start the course' }).click();
    await expect(page.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
    // Not in a frame: nothing to talk to, so the messages module is not loaded.
    expect(await embedChunkLoaded(page)).toBe(false);

    await page.goto('/glossary/?embed=0');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
    await page.goto('/references/');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  });

  test('/embed/ opens the course in embed mode', async ({ page }) => {
    await page.goto('/embed/');
    await expect(page).toHaveURL(/\/\?embed=1$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  });

  test('the keyboard skip link still works in embed mode', async ({ page }) => {
    await page.goto(`${FIRST_LESSON}?embed=1`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  for (const path of ['/', FIRST_LESSON]) {
    test(`${path}?embed=1 has no axe violations`, async ({ page }) => {
      await page.goto(`${path}?embed=1`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/embed/ offers a link to the course in embed mode', async ({ page }) => {
    await page.goto('/embed/');
    await expect(page.getByRole('heading', { level: 1, name: 'Opening the course' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the course' })).toHaveAttribute('href', '/?embed=1');
  });
});
