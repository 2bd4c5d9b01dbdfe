import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  HOST_SOURCE,
  MESSAGE_SOURCE,
  canvasResizeMessage,
  completedMessage,
  isHello,
  originAllowed,
  originMatches,
  originOf,
  parentOrigin,
  progressMessage,
  readyMessage,
  resizeMessage,
} from '../../src/lib/embed';
import { emptyProgress, type Progress } from '../../src/lib/progress';
import { courseSchema } from '../../src/schemas/course';

const root = join(import.meta.dirname, '..', '..');
const LESSONS = [
  { id: 'leadership-in-the-plural', title: 'Leadership in the plural' },
  { id: 'delegation-done-well', title: 'Delegation done well' },
];
const IDS = LESSONS.map((l) => l.id);
const T1 = '2026-11-20T08:00:00.000Z';
const T2 = '2026-11-21T08:00:00.000Z';

function withLessons(...completed: string[]): Progress {
  const progress = emptyProgress();
  for (const id of completed) progress.lessons[id] = { visitedAt: T1, completedAt: T1 };
  return progress;
}

function withAttempt(progress: Progress, score: number, passed: boolean): Progress {
  return { ...progress, assessments: [...(progress.assessments ?? []), { seed: 1, startedAt: T1, questions: [], answers: {}, submittedAt: T2, score, passed }] };
}

describe('allowed origins', () => {
  it('an exact origin matches itself only', () => {
    expect(originMatches('https://intranet.example.org', 'https://intranet.example.org')).toBe(true);
    expect(originMatches('http://intranet.example.org', 'https://intranet.example.org')).toBe(false);
    expect(originMatches('https://intranet.example.org:8443', 'https://intranet.example.org')).toBe(false);
    expect(originMatches('https://evil-intranet.example.org', 'https://intranet.example.org')).toBe(false);
    expect(originMatches('https://intranet.example.org.evil.test', 'https://intranet.example.org')).toBe(false);
  });

  it('a port: exact, any (*), and the default port written out or not', () => {
    expect(originMatches('http://localhost:4321', 'http://localhost:*')).toBe(true);
    expect(originMatches('http://localhost', 'http://localhost:*')).toBe(true);
    expect(originMatches('http://localhost:4321', 'http://localhost:4321')).toBe(true);
    expect(originMatches('http://localhost:4322', 'http://localhost:4321')).toBe(false);
    expect(originMatches('http://localhost:4321', 'http://localhost')).toBe(false);
    expect(originMatches('https://example.org', 'https://example.org:443')).toBe(true);
    expect(originMatches('http://127.0.0.1:4322', 'http://127.0.0.1:*')).toBe(true);
    expect(originMatches('http://127.0.0.2:4322', 'http://127.0.0.1:*')).toBe(false);
  });

  it('*. stands for any subdomain, at any depth, but not for the bare domain', () => {
    const canvas = 'https://*.instructure.com';
    expect(originMatches('https://school.instructure.com', canvas)).toBe(true);
    expect(originMatches('https://eu.school.instructure.com', canvas)).toBe(true);
    expect(originMatches('https://instructure.com', canvas)).toBe(false);
    expect(originMatches('https://evilinstructure.com', canvas)).toBe(false);
    expect(originMatches('https://school.instructure.com.evil.test', canvas)).toBe(false);
    expect(originMatches('http://school.instructure.com', canvas)).toBe(false);
  });

  it('no pattern lets everything through, and an origin with a wildcard is not an origin', () => {
    for (const pattern of ['*', 'https://*', 'http://*:*', 'https://example.*', 'https://a.*.example.org', '*://example.org']) {
      expect(originMatches('https://a.b.example.org', pattern), pattern).toBe(false);
    }
    expect(originMatches('https://*.example.org', 'https://*.example.org')).toBe(false);
    expect(originMatches('http://localhost:*', 'http://localhost:*')).toBe(false);
    expect(originAllowed('null', ['http://localhost:*'])).toBe(false);
    expect(originAllowed(undefined, ['http://localhost:*'])).toBe(false);
    expect(originAllowed('http://localhost:4321', [])).toBe(false);
    expect(originAllowed('http://localhost:4321', ['https://x.org', 'http://localhost:*'])).toBe(true);
  });
});

describe('the course.yaml schema: embed.allowedOrigins', () => {
  const course = (yaml.load(readFileSync(join(root, 'content', 'course.yaml'), 'utf8')) as Record<string, Record<string, unknown>>)['leading-together']!;

  it('the course ships with the two local-testing origins', () => {
    expect(courseSchema.parse(course).embed.allowedOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('without the block, no origin is allowed', () => {
    const { embed: _, ...rest } = course;
    expect(courseSchema.parse(rest).embed).toEqual({ allowedOrigins: [] });
  });

  it.each(['*', 'https://example.org/', 'https://example.org/course', 'HTTPS://Example.org', 'example.org', 'https://a.*.example.org', 'ftp://example.org', 'https://example.org:99999x'])(
    'refuses %s, naming the field',
    (entry) => {
      const result = courseSchema.safeParse({ ...course, embed: { allowedOrigins: ['https://ok.example.org', entry] } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['embed', 'allowedOrigins', 1]);
      expect(result.error?.issues[0]?.message).toContain('not an origin pattern');
    },
  );

  it('accepts every documented form', () => {
    const allowedOrigins = ['https://intranet.example.org', 'https://*.instructure.com', 'http://localhost:*', 'http://127.0.0.1:4321', 'http://[::1]:*'];
    expect(courseSchema.parse({ ...course, embed: { allowedOrigins } }).embed.allowedOrigins).toEqual(allowedOrigins);
  });
});

describe('the parent page’s origin', () => {
  it('location.ancestorOrigins first, else the referrer’s origin, else unknown', () => {
    expect(parentOrigin('https://lms.example.org', 'https://other.example.org/page')).toBe('https://lms.example.org');
    expect(parentOrigin(undefined, 'https://lms.example.org/course/7?x=1')).toBe('https://lms.example.org');
    expect(parentOrigin('null', 'https://lms.example.org/')).toBe('https://lms.example.org');
    expect(parentOrigin(undefined, '')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });
});

describe('messages', () => {
  it('ready names the course and the page', () => {
    expect(readyMessage({ id: 'leading-together', title: 'Leading Together' }, '/lessons/x/')).toEqual({
      source: MESSAGE_SOURCE,
      type: 'ready',
      course: { id: 'leading-together', title: 'Leading Together' },
      path: '/lessons/x/',
    });
  });

  it('resize and Canvas’s frameResize carry whole pixels, rounded up', () => {
    expect(resizeMessage(812.2)).toEqual({ source: MESSAGE_SOURCE, type: 'resize', height: 813 });
    expect(canvasResizeMessage(812.2)).toEqual({ subject: 'lti.frameResize', height: 813 });
  });

  it('progress: lessons completed, the percent, and the lesson open in the frame', () => {
    expect(progressMessage(emptyProgress(), LESSONS)).toEqual({
      source: MESSAGE_SOURCE,
      type: 'progress',
      percent: 0,
      lessonsCompleted: 0,
      lessonsTotal: 2,
      lesson: null,
    });
    expect(progressMessage(withLessons('leadership-in-the-plural'), LESSONS, 'delegation-done-well')).toMatchObject({
      percent: 50,
      lessonsCompleted: 1,
      lesson: { id: 'delegation-done-well', title: 'Delegation done well' },
    });
    expect(progressMessage(emptyProgress(), LESSONS, 'no-such-lesson').lesson).toBeNull();
  });

  it('completed: only once every lesson is done and the assessment passed, with the best score', () => {
    expect(completedMessage(emptyProgress(), IDS)).toBeUndefined();
    expect(completedMessage(withLessons(...IDS), IDS)).toBeUndefined();
    const failed = withAttempt(withLessons(...IDS), 60, false);
    expect(completedMessage(failed, IDS)).toBeUndefined();
    expect(completedMessage(withAttempt(failed, 85, true), IDS)).toEqual({ source: MESSAGE_SOURCE, type: 'completed', score: 85, passed: true });
    expect(completedMessage(withAttempt(withLessons(IDS[0]!), 85, true), IDS)).toBeUndefined();
  });

  it('hello is recognised by its source and type only', () => {
    expect(isHello({ source: HOST_SOURCE, type: 'hello' })).toBe(true);
    expect(isHello({ source: MESSAGE_SOURCE, type: 'hello' })).toBe(false);
    expect(isHello({ source: HOST_SOURCE, type: 'ready' })).toBe(false);
    expect(isHello('hello')).toBe(false);
    expect(isHello(null)).toBe(false);
  });
});

describe('the host script, public/embed.js', () => {
  const code = readFileSync(join(root, 'public', 'embed.js'));

  it('is at most 2 KB gzipped', () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(2 * 1024);
  });

  it('is plain script JavaScript (no module syntax, no build step)', () => {
    expect(() => new Script(code.toString('utf8'), { filename: 'embed.js' })).not.toThrow();
    expect(code.toString('utf8')).not.toMatch(/^\s*(import|export)\s/m);
  });
});
