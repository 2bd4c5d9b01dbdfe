/**
 * The SCORM packages in an independent LMS runtime (scorm-again), both standards: first launch,
 * resume, passing the assessment, an LMS that refuses, no LMS. The spec's limits are checked
 * here, since scorm-again accepts more than the spec allows.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { decodeSuspend, encodeSuspend } from '../../src/lib/lms/suspend';
import { emptyProgress } from '../../src/lib/progress/types';
import type { Locator, Page } from '@playwright/test';
import { answer, byPrompt, checkForm, checkIdsOf, finishChecks, hydrated, lessonSlugs, question } from './content';
import { FIRST_LESSON_TITLE, PROGRESS_KEY, expect, test } from './fixtures';
import { MOODLE_FRAME, closeContent, courseFrame, lmsData, lmsRecord, openHarness, packageFile, unzip, type Standard } from './lms-harness';

const SCORM12_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const ISO_DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const [first, second] = lessonSlugs();

const el = (standard: Standard) => standard === '1.2'
  ? { status: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', time: 'cmi.core.session_time', raw: 'cmi.core.score.raw', limit: 4096, locationLimit: 255 }
  : { status: 'cmi.completion_status', location: 'cmi.location', exit: 'cmi.exit', time: 'cmi.session_time', raw: 'cmi.score.raw', limit: 64000, locationLimit: 1000 };

/** What a resumed attempt starts with, in scorm-again's JSON, from what the course sent. */
function resumeSeed(standard: Standard, sent: Record<string, string>, learner = 'learner-7') {
  const e = el(standard);
  return standard === '1.2'
    ? { core: { student_id: learner, student_name: 'Lovelace, Ada', entry: 'resume', lesson_location: sent[e.location] ?? '', lesson_status: sent[e.status] ?? 'incomplete' }, suspend_data: sent['cmi.suspend_data'] ?? '' }
    : { learner_id: learner, learner_name: 'Ada Lovelace', entry: 'resume', location: sent[e.location] ?? '', completion_status: sent[e.status] ?? 'incomplete', suspend_data: sent['cmi.suspend_data'] ?? '' };
}

for (const standard of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${standard} package`, () => {
    test('first launch, complete a lesson, leave; the next launch resumes at the bookmark with the same progress', async ({ page }) => {
      const e = el(standard);
      const { failed } = await openHarness(page, { standard, seed: standard === '1.2' ? { core: { student_id: 'learner-7', student_name: 'Lovelace, Ada' } } : { learner_id: 'learner-7', learner_name: 'Ada Lovelace' } });
      const frame = await courseFrame(page);
      await expect(frame.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
      await hydrated(frame);
      await frame.getByRole('link', { name: 'Start the course' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
      await finishChecks(frame, first!);
      await frame.getByRole('link', { name: /^Complete lesson and/ }).click();
      await expect(frame.getByRole('heading', { level: 1 })).not.toHaveText(FIRST_LESSON_TITLE);
      await expect.poll(async () => (await lmsRecord(page)).sent[e.location]).toBe(`lessons/${second}/`);

      const { log, sent } = await lmsRecord(page);
      expect(log.filter((c) => c === 'initialize')).toHaveLength(1);
      expect(sent[e.status]).toBe('incomplete');
      expect(sent[e.exit]).toBe('suspend');
      expect(sent['cmi.suspend_data']!.length).toBeGreaterThan(0);
      expect(sent['cmi.suspend_data']!.length).toBeLessThanOrEqual(e.limit);
      expect(sent['cmi.suspend_data']).toMatch(/^[\x20-\x7e]+$/);
      expect(sent[e.location]!.length).toBeLessThanOrEqual(e.locationLimit);
      expect(sent[e.time]).toMatch(standard === '1.2' ? SCORM12_TIMESPAN : ISO_DURATION);
      expect(log.at(-1)).toBe('commit');
      // Moving between pages never ends the session.
      expect(log).not.toContain('finish');
      if (standard === '2004') expect(Number(sent['cmi.progress_measure'])).toBeCloseTo(1 / (lessonSlugs().length + 1), 3);

      await closeContent(page);
      const after = await lmsRecord(page);
      expect(after.log.filter((c) => c === 'finish')).toHaveLength(1);
      expect(after.log.at(-1)).toBe('finish');
      expect(after.sent[e.time]).toMatch(standard === '1.2' ? SCORM12_TIMESPAN : ISO_DURATION);
      expect(failed).toEqual([]);

      // The same learner comes back on another device: the LMS is the record.
      await page.context().clearCookies();
      await page.evaluate(() => localStorage.clear());
      await openHarness(page, { standard, seed: resumeSeed(standard, after.sent) });
      const resumed = await courseFrame(page);
      await expect(resumed.getByRole('heading', { level: 1 })).not.toHaveText(FIRST_LESSON_TITLE);
      expect(resumed.url()).toContain(`/course/lessons/${second}/index.html`);
      await resumed.getByRole('link', { name: 'Leading Together', exact: true }).first().click();
      await expect(resumed.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
      await expect(resumed.getByRole('link', { name: /^Continue: / })).toBeVisible();
      expect((await lmsRecord(page)).log.filter((c) => c === 'initialize')).toHaveLength(1);

      // "Your progress" says where progress is kept, and what the LMS cannot keep.
      await resumed.getByRole('link', { name: 'Your progress' }).click();
      await expect(resumed.getByText(`your LMS (SCORM ${standard}), with a copy in this browser`)).toBeVisible();
      const browserOnly = resumed.getByText(/cannot store notes or the 90-day plan, so they stay in this browser only/);
      await expect(browserOnly).toHaveCount(standard === '1.2' ? 1 : 0);
      expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
    });

    test('passing the assessment reports completed, passed, the score and every answer as an interaction', async ({ page }) => {
      const at = '2026-11-20T10:00:00.000Z';
      const done = { ...emptyProgress(), lessons: Object.fromEntries(lessonSlugs().map((id) => [id, { visitedAt: at, completedAt: at }])) };
      const suspend = encodeSuspend(done, standard).text;
      await openHarness(page, { standard, seed: standard === '1.2' ? { core: { student_id: 'l-1', entry: 'resume' }, suspend_data: suspend } : { learner_id: 'l-1', entry: 'resume', suspend_data: suspend } });
      const frame = await courseFrame(page);
      await frame.goto(frame.url().replace(/course\/.*$/, 'course/assessment/index.html'));
      await hydrated(frame);
      await frame.getByRole('button', { name: 'Start the assessment' }).click();
      const groups = frame.getByRole('group', { name: /^Question \d+ of \d+/ });
      const count = await groups.count();
      for (let i = 0; i < count; i++) {
        const group = groups.nth(i);
        await answer(frame, group, byPrompt((await group.locator('legend').textContent()) ?? ''), true);
      }
      await frame.getByRole('button', { name: 'Submit my answers' }).click();
      await expect(frame.getByRole('heading', { name: 'You passed: 100%' })).toBeVisible();

      const e = el(standard);
      await expect.poll(async () => (await lmsRecord(page)).sent[e.raw]).toBe('100');
      const { sent } = await lmsRecord(page);
      if (standard === '1.2') {
        expect(sent['cmi.core.lesson_status']).toBe('passed');
        expect(sent['cmi.core.exit']).toBe('');
      } else {
        expect(sent['cmi.completion_status']).toBe('completed');
        expect(sent['cmi.success_status']).toBe('passed');
        expect(sent['cmi.score.scaled']).toBe('1');
        expect(sent['cmi.exit']).toBe('normal');
      }
      // The range: what the LMS holds (an LMS whose default is already 0–100 is not told again).
      const score = await lmsData(page).then((d) => ((standard === '1.2' ? (d['cmi'] as { core: unknown }).core : d['cmi']) as { score: Record<string, unknown> }).score);
      expect([String(score['min']), String(score['max'])]).toEqual(['0', '100']);
      const ids = Object.keys(sent).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => `cmi.interactions.${i}.id`));
      for (const id of ids) {
        const n = id.split('.')[2];
        expect(sent[id]).toMatch(/^[^\s]+$/);
        expect(['choice', 'matching']).toContain(sent[`cmi.interactions.${n}.type`]);
        expect(sent[`cmi.interactions.${n}.result`]).toBe('correct');
        const response = sent[`cmi.interactions.${n}.${standard === '1.2' ? 'student_response' : 'learner_response'}`]!;
        expect(response).toBe(sent[`cmi.interactions.${n}.correct_responses.0.pattern`]);
        if (standard === '1.2') expect(response.length).toBeLessThanOrEqual(255);
      }
      // The LMS accepted all of it: it holds the same values, and the learner saw no complaint.
      await expect(frame.getByText(/did not accept/)).toHaveCount(0);
      const data = await lmsData(page) as { cmi: Record<string, unknown> };
      const cmi = data.cmi as Record<string, Record<string, unknown>>;
      const stored = standard === '1.2' ? cmi['core']!['lesson_status'] : cmi['success_status'];
      expect(stored).toBe('passed');
      const held = Object.values((cmi['interactions'] ?? {}) as Record<string, Record<string, unknown>>).filter((i) => i && typeof i === 'object' && 'id' in i);
      expect(held).toHaveLength(count);
      for (const i of held) {
        expect(i['result']).toBe('correct');
        if (standard === '2004') expect(String(i['timestamp'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,2}Z$/);
        else expect(String(i['time'])).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      }
    });

    test('an LMS that answers "false": the course keeps working and tells the learner', async ({ page }) => {
      await openHarness(page, { standard, refuse: true });
      const frame = await courseFrame(page);
      await hydrated(frame);
      await frame.getByRole('link', { name: 'Start the course' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
      await expect(frame.getByText('Your LMS did not accept the last save; your progress is kept in this browser.')).toBeVisible();
      await expect(frame.getByText(/LMS error 101/)).toBeVisible();
      await finishChecks(frame, first!);
      await frame.getByRole('link', { name: /^Complete lesson and/ }).click();
      await expect(frame.getByRole('heading', { level: 1 })).not.toHaveText(FIRST_LESSON_TITLE);
      await expect(frame.getByRole('navigation', { name: 'Course outline' }).getByText('Completed')).toBeVisible();
      const { log } = await lmsRecord(page);
      // Each refused call was tried again once, not endlessly.
      const suspends = log.filter((c) => c === 'set cmi.suspend_data').length;
      expect(suspends).toBeGreaterThan(0);
      expect(suspends % 2).toBe(0);
    });

    test('progress from the LMS with a retired lesson resumes as normal; damaged progress is said, kept aside, not reopened, and the browser copy stands', async ({ page }) => {
      const at = '2026-11-20T10:00:00.000Z';
      const two = { ...emptyProgress(), lessons: { [first!]: { visitedAt: at, completedAt: at }, [second!]: { visitedAt: at, completedAt: at }, 'a-lesson-since-retired': { visitedAt: at, completedAt: at } } };
      const seed = (suspend: string) => (standard === '1.2' ? { core: { student_id: 'l-2', entry: 'resume' }, suspend_data: suspend } : { learner_id: 'l-2', entry: 'resume', suspend_data: suspend });
      await openHarness(page, { standard, seed: seed(encodeSuspend(two, standard).text) });
      let frame = await courseFrame(page);
      await expect(frame.getByText(/^2 of \d+ lessons completed$/)).toBeVisible();
      await expect(frame.getByText(/could not be read/)).toHaveCount(0);

      await openHarness(page, { standard, seed: seed('LT1{"l":[["' + first + '","tosmdo"]') });
      frame = await courseFrame(page);
      await expect(frame.getByText(/Some of your saved progress could not be read\./)).toBeVisible();
      // The learner's copy in this browser (from the first launch) stands in: nothing is lost.
      await expect(frame.getByText(/^2 of \d+ lessons completed$/)).toBeVisible();
      const kept = await frame.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':lms:l-2:unreadable')).map((k) => localStorage.getItem(k)));
      expect(kept).toEqual(['LT1{"l":[["' + first + '","tosmdo"]']);
    });

    test('no LMS: the package runs on its own and keeps progress in the browser', async ({ page }) => {
      const { failed } = await openHarness(page, { standard, noApi: true });
      const frame = await courseFrame(page);
      await hydrated(frame);
      await frame.getByRole('link', { name: 'Start the course' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
      await expect.poll(() => frame.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toContain(first!);
      await expect(frame.getByText(/did not accept|not being saved/)).toHaveCount(0);
      expect(failed).toEqual([]);
    });
  });
}

test('every address in a package is relative and resolves to a file inside it', () => {
  for (const standard of ['1.2', '2004'] as const) {
    const files = unzip(packageFile(standard));
    expect(files.has('imsmanifest.xml')).toBe(true);
    expect(files.has('index.html')).toBe(true);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const page of pages) {
      const html = files.get(page)!.toString('utf8');
      const refs = [...html.matchAll(/\s(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      for (const ref of refs) {
        if (/^(https?:|mailto:|data:|#|javascript:)/.test(ref)) continue;
        if (ref.startsWith('/')) {
          broken.push(`${page}: root-absolute ${ref}`);
          continue;
        }
        const target = new URL(ref, `http://package/${page}`).pathname.slice(1);
        if (!files.has(decodeURIComponent(target))) broken.push(`${page}: ${ref}`);
      }
    }
    for (const [name, data] of files) {
      if (!name.endsWith('.css')) continue;
      for (const [, ref] of data.toString('utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (/^(data:|https?:|#)/.test(ref!)) continue;
        if (!files.has(new URL(ref!, `http://package/${name}`).pathname.slice(1))) broken.push(`${name}: ${ref}`);
      }
    }
    expect(broken, `SCORM ${standard}`).toEqual([]);
  }
});

/** Issue 10: what reaches the LMS, and what the learner keeps, when the LMS misbehaves or only reviews. */
const seedFor = (standard: Standard, learner: string, cmi: Record<string, unknown>) => (standard === '1.2'
  ? { core: { student_id: learner, entry: 'resume', ...(cmi['core'] as object) }, ...Object.fromEntries(Object.entries(cmi).filter(([k]) => k !== 'core')) }
  : { learner_id: learner, entry: 'resume', ...Object.fromEntries(Object.entries(cmi).filter(([k]) => k !== 'core')), ...(cmi['core'] as object) });
const at = '2026-11-20T10:00:00.000Z';
const completed = (ids: string[]) => ({ ...emptyProgress(), lessons: Object.fromEntries(ids.map((id) => [id, { visitedAt: at, completedAt: at }])) });
const sets = (log: string[]) => log.filter((c) => c.startsWith('set ')).map((c) => c.slice(4));

for (const standard of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${standard} package, issue 10`, () => {
    test('review mode: nothing is written to the LMS, and the page says it is a review', async ({ page }) => {
      const mode = standard === '1.2' ? { core: { lesson_mode: 'review' } } : { core: { mode: 'review' } };
      await openHarness(page, { standard, seed: seedFor(standard, 'l-review', { ...mode, suspend_data: encodeSuspend(completed([first!]), standard, { course: 'leading-together' }).text }) });
      const frame = await courseFrame(page);
      await expect(frame.getByText(/^This is a review: your LMS opened the course in review mode, so nothing you do now is recorded/)).toBeVisible();
      await expect(frame.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
      await expect(frame.getByText(/this is a review: nothing you do now is recorded\./)).toBeVisible();
      await expect(frame.getByText(/kept in this browser|your LMS keeps/).filter({ visible: true })).toHaveCount(0);
      await frame.getByRole('link', { name: /^Continue: |^Start the course$/ }).first().click();
      await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
      await closeContent(page);
      const { log } = await lmsRecord(page);
      expect(log.filter((c) => c.startsWith('set ') || c === 'commit')).toEqual([]);
      expect(log).toEqual(['initialize', 'finish']);
    });

    test('a normal relaunch sends only what changed: exit and session time, no suspend data, status or score again', async ({ page }) => {
      const e = el(standard);
      await openHarness(page, { standard, seed: seedFor(standard, 'l-again', {}) });
      let frame = await courseFrame(page);
      await hydrated(frame);
      await frame.getByRole('link', { name: 'Start the course' }).click();
      await finishChecks(frame, first!);
      await frame.getByRole('link', { name: /^Complete lesson and/ }).click();
      await expect.poll(async () => (await lmsRecord(page)).sent[e.location]).toBe(`lessons/${second}/`);
      await closeContent(page);
      // The LMS resumes with everything it holds, but no bookmark: the home page opens, and the
      // learner changes nothing (opening a lesson would move the bookmark, a change to send).
      const held = await lmsData(page) as { cmi: Record<string, unknown> };
      const { interactions: _, ...cmi } = held.cmi as Record<string, unknown>;
      const seed = standard === '1.2'
        ? { ...cmi, core: { ...(cmi['core'] as object), entry: 'resume', lesson_location: '' } }
        : { ...cmi, entry: 'resume', location: '' };
      await openHarness(page, { standard, seed });
      frame = await courseFrame(page);
      await expect(frame.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
      await hydrated(frame);
      await closeContent(page);
      const { log } = await lmsRecord(page);
      // The bookmark the LMS lacked is sent; nothing else it holds is sent again.
      expect(new Set(sets(log))).toEqual(new Set([e.exit, e.time, e.location]));
      expect(log.at(-1)).toBe('finish');
    });

    test(standard === '1.2'
      ? 'an LMS that refuses suspend data after the first save: the newer browser copy is kept, merged back at relaunch and sent'
      : 'an LMS whose SetValue throws: the browser copy is kept, merged back at relaunch and sent', async ({ page }) => {
      await openHarness(page, { standard, seed: seedFor(standard, 'l-lost', {}), ...(standard === '1.2' ? { refuseSuspendAfter: 1 } : { throwOnSet: true }) });
      let frame = await courseFrame(page);
      await hydrated(frame);
      await frame.getByRole('link', { name: 'Start the course' }).click();
      await finishChecks(frame, first!);
      await frame.getByRole('link', { name: /^Complete lesson and/ }).click();
      await expect(frame.getByText('Your LMS did not accept the last save; your progress is kept in this browser.')).toBeVisible();
      await closeContent(page);
      const before = (await lmsData(page) as { cmi: { suspend_data?: string } }).cmi.suspend_data ?? '';
      expect(decodeSuspend(before, { lessonIds: lessonSlugs() }).progress.lessons[first!]?.completedAt).toBeUndefined();

      // The next launch: the LMS has the older copy (or nothing); the learner's newer copy is kept.
      await openHarness(page, { standard, seed: seedFor(standard, 'l-lost', { suspend_data: before }) });
      frame = await courseFrame(page);
      await expect(frame.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
      await expect.poll(async () => decodeSuspend((await lmsRecord(page)).sent['cmi.suspend_data'] ?? '', { lessonIds: lessonSlugs() }).progress.lessons[first!]?.completedAt).toBeDefined();
      const cached = await frame.evaluate((key) => localStorage.getItem(key), `${PROGRESS_KEY}:lms:l-lost`);
      expect(JSON.parse(cached!).lessons[first!].completedAt).toBeDefined();
    });

    test('progress from another course is said, set aside and offered as a download; the first format still resumes', async ({ page }) => {
      const foreign = encodeSuspend(completed([first!, second!]), standard, { course: 'another-course' }).text;
      await openHarness(page, { standard, seed: seedFor(standard, 'l-foreign', { suspend_data: foreign }) });
      let frame = await courseFrame(page);
      await expect(frame.getByText(/could not be read\. The progress your LMS returned belongs to another course \(“another-course”\)\. .*download it from “Your progress”/)).toBeVisible();
      await expect(frame.getByText(/^0 of \d+ lessons completed$/)).toBeVisible();
      expect(await frame.evaluate((key) => localStorage.getItem(key), `${PROGRESS_KEY}:lms:l-foreign:unreadable`)).toBe(foreign);
      await frame.getByRole('link', { name: 'Your progress' }).click();
      await hydrated(frame);
      const downloading = page.waitForEvent('download');
      await frame.getByRole('button', { name: 'Download the progress that could not be read' }).click();
      const file = await downloading;
      expect(readFileSync((await file.path())!, 'utf8')).toBe(foreign);

      // Suspend data of the first format (before the course id and version): the learner resumes.
      const s = (iso: string) => Math.round(Date.parse(iso) / 1000).toString(36);
      await openHarness(page, { standard, seed: seedFor(standard, 'l-old', { suspend_data: `LT1{"l":[["${first}","${s(at)}"]],"u":"${s(at)}"}` }) });
      frame = await courseFrame(page);
      await expect(frame.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
      await expect(frame.getByText(/could not be read/)).toHaveCount(0);
      await expect.poll(async () => (await lmsRecord(page)).sent['cmi.suspend_data']).toMatch(/^LT2/);
    });
  });
}

test('SCORM 1.2: an imported progress file claiming a passed attempt gives the LMS no passed status and no score', async ({ page }) => {
  await openHarness(page, { standard: '1.2', seed: { core: { student_id: 'l-import' } } });
  const frame = await courseFrame(page);
  await frame.goto(frame.url().replace(/course\/.*$/, 'course/progress/index.html'));
  await hydrated(frame);
  const claimed = { seed: 1, startedAt: at, submittedAt: '2026-11-20T10:20:00.000Z', questions: [], answers: {}, score: 92, passed: true, lms: true };
  const file = { format: 'leading-together-progress', course: 'leading-together', version: 2, exportedAt: at, progress: { ...completed(lessonSlugs()), assessments: [claimed] } };
  await frame.getByLabel(/Import a progress file/).setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(frame.getByRole('status').filter({ hasText: /Imported “mine\.json”/ })).toBeVisible();
  await expect.poll(async () => decodeSuspend((await lmsRecord(page)).sent['cmi.suspend_data'] ?? '', { lessonIds: lessonSlugs() }).progress.assessments?.length).toBe(1);
  const { sent } = await lmsRecord(page);
  expect(sent['cmi.core.lesson_status']).toBe('incomplete');
  expect(sent['cmi.core.score.raw']).toBeUndefined();
  expect(Object.keys(sent).filter((k) => k.startsWith('cmi.interactions.'))).toEqual([]);
  const held = (await lmsData(page) as { cmi: { core: { lesson_status: string; score: { raw: string } } } }).cmi.core;
  expect(held.lesson_status).not.toBe('passed');
  expect(held.score.raw).toBe('');
  // The attempt stays in the browser's history, labelled.
  await frame.goto(frame.url().replace(/course\/.*$/, 'course/assessment/index.html'));
  await expect(frame.getByRole('heading', { name: 'You passed: 0%' }).or(frame.getByRole('heading', { name: /^You passed|^Not passed yet/ }))).toBeVisible();
  await expect(frame.getByText('This attempt: imported, or taken while your LMS was not tracking this visit: not sent to your LMS.')).toBeVisible();
});

test('SCORM 2004: interaction writes that failed are sent again before the session finishes', async ({ page }) => {
  await openHarness(page, { standard: '2004', failInteractions: true, seed: { learner_id: 'l-int', entry: 'resume', suspend_data: encodeSuspend(completed(lessonSlugs()), '2004').text } });
  const frame = await courseFrame(page);
  await frame.goto(frame.url().replace(/course\/.*$/, 'course/assessment/index.html'));
  await hydrated(frame);
  await frame.getByRole('button', { name: 'Start the assessment' }).click();
  const groups = frame.getByRole('group', { name: /^Question \d+ of \d+/ });
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    await answer(frame, group, byPrompt((await group.locator('legend').textContent()) ?? ''), true);
  }
  await frame.getByRole('button', { name: 'Submit my answers' }).click();
  await expect(frame.getByRole('heading', { name: 'You passed: 100%' })).toBeVisible();
  await expect(frame.getByText('Your LMS did not accept the last save; your progress is kept in this browser.')).toBeVisible();
  const interactionsHeld = async () => Object.values(((await lmsData(page) as { cmi: { interactions?: Record<string, unknown> } }).cmi.interactions ?? {}) as Record<string, unknown>)
    .filter((i) => i && typeof i === 'object' && 'result' in (i as object) && (i as { result: string }).result === 'correct').length;
  expect(await interactionsHeld()).toBe(0);
  // The LMS recovers; the learner leaves without another change.
  await page.evaluate(() => { (window as unknown as { lmsFailInteractions: boolean }).lmsFailInteractions = false; });
  await closeContent(page);
  expect(await interactionsHeld()).toBe(count);
  const { log } = await lmsRecord(page);
  expect(log.filter((c) => c === 'finish')).toHaveLength(1);
  expect(log.at(-1)).toBe('finish');
});

/** Where the learner can see it: inside the LMS's frame and inside the browser window, all of it. */
async function inSight(page: Page, target: Locator): Promise<string> {
  const before = await target.boundingBox();
  // Still scrolling (a smooth scroll passes through the view): not yet an answer.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = await target.boundingBox();
  if (before?.y !== box?.y || (await page.evaluate(() => scrollY)) !== (await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(scrollY)))))) return 'moving';
  const frame = await page.locator('iframe[title="SCORM content"]').boundingBox();
  const view = page.viewportSize();
  if (!box || !frame || !view) return 'not on the page';
  const top = Math.max(frame.y, 0);
  const bottom = Math.min(frame.y + frame.height, view.height);
  if (box.y < top - 1) return `cut at the top (${Math.round(top - box.y)} px hidden)`;
  if (box.y + box.height > bottom + 1) return `cut at the bottom (${Math.round(box.y + box.height - bottom)} px hidden)`;
  return 'in sight';
}

for (const standard of ['1.2', '2004'] as const) {
  test(`SCORM ${standard} in Moodle's default frame (700×670): what a focus move shows is in sight, inside the frame and the window`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openHarness(page, { standard, moodleFrame: true, seed: seedFor(standard, 'l-frame', {}) });
    const frame = await courseFrame(page);
    await hydrated(frame);
    await frame.getByRole('link', { name: 'Start the course' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: FIRST_LESSON_TITLE })).toBeVisible();
    await hydrated(frame);
    // The learner presses "Complete lesson" before finishing the checks: the list of what is left.
    const complete = frame.getByRole('link', { name: /^Complete lesson and/ });
    await complete.focus();
    await page.keyboard.press('Enter');
    const left = frame.getByText('To complete this lesson, first finish:');
    await expect(left).toBeVisible();
    const list = left.locator('xpath=..');
    await expect.poll(() => inSight(page, list)).toBe('in sight');
    // A knowledge check whose feedback is taller than the frame (a sorting check, answered wrong):
    // its first line, the result, is in sight, not cut off above the frame's edge.
    const form = checkForm(frame, 2);
    await answer(frame, form, question(checkIdsOf(first!)[1]!), false);
    await form.getByRole('button', { name: 'Check answer' }).focus();
    await page.keyboard.press('Enter');
    const feedback = form.getByRole('group', { name: /^(Incorrect|Partly correct)\./ });
    await expect(feedback).toBeFocused();
    expect((await feedback.boundingBox())!.height).toBeGreaterThan(MOODLE_FRAME.height);
    await expect.poll(() => inSight(page, feedback.getByText(/^(Incorrect|Partly correct)\./))).toBe('in sight');
  });
}

/** Issue 10, items 7 and 8: a package says where things are really kept, and its chrome is the learner's. */
for (const standard of ['1.2', '2004'] as const) {
  test(`SCORM ${standard}: the pages say the LMS keeps the progress${standard === '2004' ? ', notes and plan' : ' (notes and plan stay in the browser)'}; no trainer or administrator pages`, async ({ page }) => {
    await openHarness(page, { standard, seed: seedFor(standard, 'l-where', {}) });
    const frame = await courseFrame(page);
    await expect(frame.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
    await expect(frame.getByText(/your LMS keeps your progress\./)).toBeVisible();
    await expect(frame.getByText(/kept in this browser/).filter({ visible: true })).toHaveCount(0);
    // The learner's chrome: the course, its pages and their progress; no facilitator guide, projector or administrators page.
    const nav = frame.getByRole('navigation', { name: 'Site' });
    await expect(nav.getByRole('link')).toHaveText(['Course', 'Simulations', 'Glossary', 'References', 'My notes', 'Assessment', 'Your progress']);
    await expect(frame.getByRole('link', { name: /Facilitator|administrators|projector/i })).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'Accessibility statement' })).toBeVisible();

    // The 90-day plan, in the last lesson.
    const last = lessonSlugs().at(-1)!;
    await frame.goto(frame.url().replace(/course\/.*$/, `course/lessons/${last}/index.html`));
    const plan = frame.getByRole('region', { name: 'Build your 90-day plan' });
    await expect(plan.getByText(standard === '2004' ? 'Your LMS keeps it;' : 'It is kept in this browser;', { exact: true })).toBeVisible();
    await expect(plan.getByText(standard === '2004' ? 'It is kept in this browser;' : 'Your LMS keeps it;', { exact: true })).toBeHidden();
    await plan.getByRole('button', { name: 'Save my plan' }).click();
    await expect(plan.getByText(standard === '2004' ? /^Saved in your LMS\. / : /^Saved in this browser\. /)).toBeVisible();
    await expect(frame.getByText(/Saved in this browser/).filter({ visible: true })).toHaveCount(standard === '2004' ? 0 : 1);
    await expect(frame.getByText(standard === '2004' ? 'Your LMS keeps your notes;' : 'Your notes stay in this browser;', { exact: true }).first()).toBeVisible();
    await expect(frame.getByText(standard === '2004' ? 'Your notes stay in this browser;' : 'Your LMS keeps your notes;', { exact: true }).first()).toBeHidden();
    // The diagnostic's latest result goes to the LMS under both standards.
    await expect(frame.getByText(/your LMS keeps the latest result/)).toBeVisible();
    await expect(frame.getByText(/saved in this browser only/)).toBeHidden();
  });

  test(`SCORM ${standard}: an LMS whose Initialize fails: the page says progress is kept in this browser, never that the LMS keeps it`, async ({ page }) => {
    await openHarness(page, { standard, failInitialize: true, seed: seedFor(standard, 'l-noinit', {}) });
    const frame = await courseFrame(page);
    await expect(frame.getByText(/your progress is kept in this browser\./)).toBeVisible();
    await expect(frame.getByText(/your LMS keeps/i).filter({ visible: true })).toHaveCount(0);
    const last = lessonSlugs().at(-1)!;
    await frame.goto(frame.url().replace(/course\/.*$/, `course/lessons/${last}/index.html`));
    const plan = frame.getByRole('region', { name: 'Build your 90-day plan' });
    await expect(plan.getByText('It is kept in this browser;', { exact: true })).toBeVisible();
    await expect(plan.getByText('Your LMS keeps it;', { exact: true })).toBeHidden();
    await plan.getByRole('button', { name: 'Save my plan' }).click();
    await expect(plan.getByText(/^Saved in this browser\. /)).toBeVisible();
    await expect(frame.getByText(/Your LMS could not start tracking this visit/)).toBeVisible();
  });
}

test('a package holds no trainer or administrator pages, and no page links to one', () => {
  for (const standard of ['1.2', '2004'] as const) {
    const files = [...unzip(packageFile(standard)).keys()];
    expect(files.filter((f) => /^course\/(facilitator|administrators)\//.test(f)), `SCORM ${standard}`).toEqual([]);
    expect(files).toContain('course/glossary/index.html');
  }
});

/** Issue 10, item 12: until the stored progress is known, the home page shows no made-up state. */
for (const standard of ['1.2', '2004'] as const) {
  test(`SCORM ${standard}: until the course's scripts know the LMS's record, the home page shows neither "0 of 7" nor "Start the course", and nothing moves when they do`, async ({ page }) => {
    let release!: () => void;
    const held = new Promise<void>((done) => { release = done; });
    const suspend = encodeSuspend(completed([first!]), standard, { course: 'leading-together' }).text;
    await openHarness(page, { standard, holdScripts: held, seed: seedFor(standard, 'l-wait', { suspend_data: suspend }) });
    const frame = await courseFrame(page);
    await expect(frame.getByRole('heading', { level: 1, name: 'Leading Together' })).toBeVisible();
    const panel = frame.getByRole('region', { name: 'Your progress' });
    await expect(panel.getByRole('heading', { name: 'Your progress' })).toBeVisible();
    await expect(frame.getByText(/^\d+ of \d+ lessons completed$/)).toBeHidden();
    await expect(frame.getByRole('link', { name: /^Start the course$|^Continue: / })).toHaveCount(0);
    await expect(frame.getByText('Not started', { exact: true }).filter({ visible: true })).toHaveCount(0);
    const lessonsAt = (await frame.getByRole('heading', { level: 2, name: 'Lessons' }).boundingBox())!.y;
    const panelBox = (await panel.boundingBox())!;

    release();
    await expect(frame.getByText(/^1 of \d+ lessons completed$/)).toBeVisible();
    await expect(frame.getByRole('link', { name: /^Continue: / })).toBeVisible();
    await expect(frame.getByText('Completed', { exact: true }).filter({ visible: true })).toHaveCount(1);
    // No layout shift: the panel kept its space, and what follows it did not move.
    expect((await frame.getByRole('heading', { level: 2, name: 'Lessons' }).boundingBox())!.y).toBe(lessonsAt);
    expect((await panel.boundingBox())!.height).toBe(panelBox.height);
  });
}

test('SCORM 2004: when the course\'s scripts never run, the home page shows its server state after a moment, not a blank panel', async ({ page }) => {
  await openHarness(page, { standard: '2004', holdScripts: new Promise(() => {}), seed: seedFor('2004', 'l-never', {}) });
  const frame = await courseFrame(page);
  await expect(frame.getByText(/^0 of \d+ lessons completed$/)).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Start the course' })).toBeVisible();
});
