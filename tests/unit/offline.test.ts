import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVersion, listFiles, serviceWorker, sitePaths } from '../../src/integrations/offline';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lt-sw-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the offline service worker', () => {
  const files = { 'index.html': 'home', 'lessons/a/index.html': 'lesson a', '_astro/app.js': 'js', '404.html': 'missing' };

  it('precaches every page by its address and every asset', () => {
    const dir = site(files);
    expect(sitePaths(dir, listFiles(dir))).toEqual(['/404.html', '/_astro/app.js', '/', '/lessons/a/']);
    expect(sitePaths(dir, listFiles(dir), '/course/')).toContain('/course/lessons/a/');
  });

  it('gets a new version when any file changes, and the same one when nothing does', () => {
    const a = site(files);
    const b = site(files);
    const c = site({ ...files, '_astro/app.js': 'js changed' });
    expect(buildVersion(a, listFiles(a))).toBe(buildVersion(b, listFiles(b)));
    expect(buildVersion(a, listFiles(a))).not.toBe(buildVersion(c, listFiles(c)));
  });

  it('names its cache after the version, and clears only other versions of this course', () => {
    const sw = serviceWorker('abc123', ['/', '/x/']);
    expect(sw).toContain(`const VERSION = "abc123";`);
    expect(sw).toContain(`const FILES = ["/","/x/"];`);
    expect(sw).toContain(`k.startsWith('leading-together-') && k !== CACHE`);
    // A new version waits for the learner: installing never skips waiting on its own.
    expect(sw.slice(sw.indexOf("'install'"), sw.indexOf("'activate'"))).not.toContain('skipWaiting');
    expect(sw).toContain(`if (event.data === 'skip-waiting') self.skipWaiting();`);
  });
});
