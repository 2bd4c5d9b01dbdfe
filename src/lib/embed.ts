/**
 * Embedding the course in another site's page: which parent pages may hear from the course (origin
 * patterns from `content/course.yaml`, `embed.allowedOrigins`), and the messages the course sends
 * them. Pure logic, no DOM: `src/scripts/embed.ts` sends the messages from inside the frame, and
 * `public/embed.js` (the host script) receives them. The protocol is described in the README.
 */
import { courseCompletion, summarise } from './progress/summary';
import type { Progress } from './progress/types';

/** `source` of every message the course sends, so that a host can tell ours from others. */
export const MESSAGE_SOURCE = 'leading-together';
/** `source` of the messages a host sends to the course. */
export const HOST_SOURCE = 'leading-together-host';

/**
 * An allowed-origin pattern: `scheme://host` with an optional `:port`, where the port may be `*`
 * (any port) and the host may start with `*.` (any subdomain, at any depth, not the bare domain).
 * Lowercase, no path and no trailing slash, as browsers write origins.
 */
export const ORIGIN_PATTERN = /^https?:\/\/(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(?:\*|\d{1,5}))?$/;

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

interface OriginParts {
  scheme: string;
  host: string;
  /** Undefined for the scheme's default port. */
  port: string | undefined;
}

function parts(origin: string): OriginParts | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/:[\]]+|\[[^\]]+\])(?::(\d+|\*))?$/.exec(origin.toLowerCase());
  if (!match) return undefined;
  const [, scheme = '', host = '', port] = match;
  return { scheme, host, port: port === DEFAULT_PORTS[scheme] ? undefined : port };
}

/** True when `origin` (as a browser writes it: `https://example.org`, `http://localhost:4321`) matches `pattern`. */
export function originMatches(origin: string, pattern: string): boolean {
  const o = parts(origin);
  const p = ORIGIN_PATTERN.test(pattern) ? parts(pattern) : undefined;
  if (!o || !p || o.port === '*' || o.host.includes('*') || o.scheme !== p.scheme) return false;
  if (p.port !== '*' && p.port !== o.port) return false;
  const suffix = p.host.startsWith('*.') ? p.host.slice(1) : undefined;
  return suffix ? o.host.endsWith(suffix) && o.host.length > suffix.length : o.host === p.host;
}

/** True when `origin` matches one of the patterns. The opaque origin `"null"` never does. */
export function originAllowed(origin: string | undefined, patterns: readonly string[]): boolean {
  return !!origin && patterns.some((pattern) => originMatches(origin, pattern));
}

/** The origin of a URL, or undefined when there is none (an empty referrer, `about:blank`, a bad URL). */
export function originOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const origin = new URL(address).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The parent page's origin as the frame can know it before the parent says anything:
 * `location.ancestorOrigins[0]` (Chromium, Safari), else the origin of `document.referrer`
 * (the parent's address on the frame's first page; Firefox has no ancestorOrigins).
 */
export function parentOrigin(ancestorOrigin: string | undefined, referrer: string): string | undefined {
  return (ancestorOrigin && ancestorOrigin !== 'null' ? ancestorOrigin : undefined) ?? originOf(referrer);
}

export interface LessonRef {
  id: string;
  title: string;
}

export interface ReadyMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'ready';
  course: { id: string; title: string };
  /** The page open in the frame, e.g. `/lessons/delegation-done-well/`. */
  path: string;
}

export interface ResizeMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'resize';
  /** The height of the frame's document in CSS pixels: the frame needs this height to show it all. */
  height: number;
}

export interface ProgressMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'progress';
  /** Whole percent of lessons completed. */
  percent: number;
  lessonsCompleted: number;
  lessonsTotal: number;
  /** The lesson open in the frame, or null on a page that is not a lesson. */
  lesson: LessonRef | null;
}

export interface CompletedMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'completed';
  /** Best final-assessment score, whole percent. */
  score: number | null;
  passed: boolean;
}

export type EmbedMessage = ReadyMessage | ResizeMessage | ProgressMessage | CompletedMessage;

/** The resize request Canvas (and LMSs that copy it) understands. */
export interface CanvasResizeMessage {
  subject: 'lti.frameResize';
  height: number;
}

export function readyMessage(course: { id: string; title: string }, path: string): ReadyMessage {
  return { source: MESSAGE_SOURCE, type: 'ready', course: { id: course.id, title: course.title }, path };
}

export function resizeMessage(height: number): ResizeMessage {
  return { source: MESSAGE_SOURCE, type: 'resize', height: Math.ceil(height) };
}

export function canvasResizeMessage(height: number): CanvasResizeMessage {
  return { subject: 'lti.frameResize', height: Math.ceil(height) };
}

/** Progress through the lessons; `lessonId` is the lesson open in the frame, if any. */
export function progressMessage(progress: Progress, lessons: readonly LessonRef[], lessonId?: string): ProgressMessage {
  const summary = summarise(
    progress,
    lessons.map((l) => l.id),
  );
  const lesson = lessons.find((l) => l.id === lessonId);
  return {
    source: MESSAGE_SOURCE,
    type: 'progress',
    percent: summary.percent,
    lessonsCompleted: summary.completed,
    lessonsTotal: summary.total,
    lesson: lesson ? { id: lesson.id, title: lesson.title } : null,
  };
}

/**
 * The completion message when the course is completed (every lesson, and the final assessment
 * passed: see `courseCompletion`), else undefined.
 */
export function completedMessage(progress: Progress, lessonIds: readonly string[]): CompletedMessage | undefined {
  const completion = courseCompletion(progress, lessonIds);
  if (!completion.completed) return undefined;
  return { source: MESSAGE_SOURCE, type: 'completed', score: completion.score ?? null, passed: completion.passed };
}

/** True for the host's request to send ready, resize and progress again. */
export function isHello(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === HOST_SOURCE && (data as { type?: unknown }).type === 'hello';
}
