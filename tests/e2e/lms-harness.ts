/**
 * An LMS for the tests: scorm-again (an independent LMS-side SCORM runtime) on a harness page
 * that frames the unzipped package from the same origin, under a deep path like the one Moodle
 * serves packages from. Everything under /lms-harness/ is answered by Playwright routes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { expect, type Frame, type Page } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
export type Standard = '1.2' | '2004';
export const PACKAGE_PATH = 'pluginfile.php/42/mod_scorm/content/7/';

/** The entries of a zip file, read with nothing but zlib. */
export function unzip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

export function packageFile(standard: Standard): string {
  const file = join(root, 'dist', 'packages', `leading-together-scorm${standard === '1.2' ? '12' : '2004'}.zip`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (it writes the packages)`);
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.xsd': 'application/xml', '.json': 'application/json', '.woff2': 'font/woff2',
};

export interface HarnessOptions {
  standard: Standard;
  /** CMI data the LMS starts with (scorm-again's loadFromJSON), for a resumed attempt. */
  seed?: Record<string, unknown>;
  /** An LMS whose SetValue and Commit answer "false". */
  refuse?: boolean;
  /** An LMS that accepts this many `suspend_data` writes, then answers "false" to every later one. */
  refuseSuspendAfter?: number;
  /** An LMS whose SetValue throws. */
  throwOnSet?: boolean;
  /** An LMS that answers "false" to interaction writes while `window.lmsFailInteractions` is true (it starts true). */
  failInteractions?: boolean;
  /** No API at all: the course must run on its own. */
  noApi?: boolean;
  /** An LMS whose Initialize answers "false": no session. */
  failInitialize?: boolean;
  /** The course pages' scripts are answered only once this settles (a slow network, a busy LMS). */
  holdScripts?: Promise<unknown>;
  /**
   * Frame the package as Moodle does by default: a fixed-size iframe (about 700×670 px) in a page
   * with the LMS's own header above it, so that the course scrolls inside the frame and the page
   * scrolls around it.
   */
  moodleFrame?: boolean;
}

/** Moodle's default SCORM frame, in CSS pixels, and the height of the LMS page above it. */
export const MOODLE_FRAME = { width: 700, height: 670, above: 160 };

function harnessHtml(o: HarnessOptions): string {
  const is12 = o.standard === '1.2';
  const [Api, global, set, init, finish, commit, error] = is12
    ? ['Scorm12API', 'API', 'LMSSetValue', 'LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSGetLastError']
    : ['Scorm2004API', 'API_1484_11', 'SetValue', 'Initialize', 'Terminate', 'Commit', 'GetLastError'];
  const setup = o.noApi ? '' : `
  const lms = new ${Api}({ logLevel: 5 });
  ${o.seed ? `lms.loadFromJSON(${JSON.stringify(o.seed)});` : ''}
  const log = (window.lmsLog = []);
  const sent = (window.lmsSent = {});
  window.lmsFailInteractions = ${o.failInteractions ? 'true' : 'false'};
  let suspends = 0;
  let refused = false;
  const refuses = (k) => ${o.refuse ? 'true' : 'false'}
    || (k === 'cmi.suspend_data' && ${o.refuseSuspendAfter ?? 'Infinity'} < ++suspends)
    || (window.lmsFailInteractions && k.startsWith('cmi.interactions.'));
  const own = {
    ${init}: (a) => { log.push('initialize'); ${o.failInitialize ? `refused = true; return 'false';` : `return lms.${init}(a);`} },
    ${finish}: (a) => { log.push('finish'); return lms.${finish}(a); },
    ${commit}: (a) => { log.push('commit'); return ${o.refuse ? `'false'` : `lms.${commit}(a)`}; },
    ${set}: (k, v) => {
      log.push('set ' + k);
      sent[k] = v;
      ${o.throwOnSet ? `refused = true; throw new Error('LMS script error');` : ''}
      refused = refuses(k);
      return refused ? 'false' : lms.${set}(k, v);
    },
    ${error}: () => (${o.refuse ? 'true' : 'refused'} ? '101' : lms.${error}()),
  };
  const api = new Proxy(lms, { get: (target, key) => own[key] ?? (typeof target[key] === 'function' ? target[key].bind(target) : target[key]) });
  window.lms = lms;
  window.${global} = api;`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="/lms-harness/vendor/scorm${is12 ? '12' : '2004'}.min.js"></script>
<script>${setup}</script></head>
<body${o.moodleFrame ? ' style="margin:0"' : ''}>${o.moodleFrame
    ? `<header style="height:${MOODLE_FRAME.above}px;margin:0;background:#eee"><h1 style="margin:0;padding:1rem">Course: Leading Together</h1></header>
<iframe title="SCORM content" src="${PACKAGE_PATH}index.html" style="display:block;width:${MOODLE_FRAME.width}px;height:${MOODLE_FRAME.height}px;border:1px solid #999"></iframe>
<footer style="height:400px"><p>Moodle footer</p></footer>`
    : `<iframe title="SCORM content" src="${PACKAGE_PATH}index.html" style="width:100%;height:95vh;border:0"></iframe>`}</body></html>`;
}

/** Serves the harness, scorm-again and the unzipped package; returns the harness's address. */
export async function openHarness(page: Page, o: HarnessOptions): Promise<{ failed: string[] }> {
  const files = unzip(packageFile(o.standard));
  const failed: string[] = [];
  const dir = o.standard === '1.2' ? 'scorm12' : 'scorm2004';
  await page.unrouteAll({ behavior: 'wait' });
  await page.route('**/lms-harness/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/lms-harness\//, '');
    if (path.startsWith('vendor/')) {
      return route.fulfill({ path: join(root, 'node_modules', 'scorm-again', 'dist', path.slice('vendor/'.length)), contentType: 'text/javascript' });
    }
    if (path === `${dir}/`) return route.fulfill({ body: harnessHtml(o), contentType: 'text/html; charset=utf-8' });
    const inPackage = path.startsWith(`${dir}/${PACKAGE_PATH}`) ? path.slice(`${dir}/${PACKAGE_PATH}`.length) : undefined;
    const body = inPackage === undefined ? undefined : files.get(inPackage);
    if (o.holdScripts && /^course\/_astro\/.*\.js$/.test(inPackage ?? '')) await o.holdScripts;
    if (!body) {
      failed.push(path);
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    return route.fulfill({ body, contentType: TYPES[extname(inPackage!)] ?? 'application/octet-stream' });
  });
  // With the course's scripts held, the page never finishes loading: go on once it is there.
  await page.goto(`/lms-harness/${dir}/`, o.holdScripts ? { waitUntil: 'domcontentloaded' } : {});
  return { failed };
}

/** The frame showing course pages (inside the package's launch page). */
export async function courseFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => /\/course\//.test(f.url()))) !== undefined, { message: 'the course frame' }).toBe(true);
  return found!;
}

/** The LMS's log (initialize, set …, commit, finish) and the last value the course sent for each element. */
export async function lmsRecord(page: Page): Promise<{ log: string[]; sent: Record<string, string> }> {
  return page.evaluate(() => ({ log: (window as unknown as { lmsLog: string[] }).lmsLog, sent: (window as unknown as { lmsSent: Record<string, string> }).lmsSent }));
}

/** The CMI data as the LMS holds it (scorm-again's JSON rendering). */
export async function lmsData(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { lms: { renderCMIToJSONObject(): unknown } }).lms.renderCMIToJSONObject())));
}

/** The learner leaves: the LMS closes the content frame, as LMS players do. */
export async function closeContent(page: Page) {
  await page.evaluate(() => document.querySelector('iframe')?.remove());
}
