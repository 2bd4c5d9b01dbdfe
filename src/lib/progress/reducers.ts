/**
 * Pure changes to progress. Each takes the current progress and returns a new one, or the same
 * object when nothing changed (so callers can skip a write). `now` is passed in so that tests are
 * deterministic and two copies can be merged by time.
 */
import type { LessonProgress, Location, Progress } from './types';

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function withLesson(progress: Progress, id: string, lesson: LessonProgress, now: string): Progress {
  return { ...progress, lessons: { ...progress.lessons, [id]: lesson }, updatedAt: now };
}

/** The learner opened a lesson (at a section, when the address named one). */
export function visit(progress: Progress, lessonId: string, now: string, section?: string): Progress {
  const current = progress.lessons[lessonId] ?? {};
  const lesson: LessonProgress = { ...current, visitedAt: current.visitedAt ?? now };
  const location: Location = { lesson: lessonId, at: now };
  if (section) location.section = section;
  return { ...withLesson(progress, lessonId, lesson, now), location };
}

/** The learner completed a lesson. Completing again keeps the first completion date. */
export function complete(progress: Progress, lessonId: string, now: string): Progress {
  const current = progress.lessons[lessonId];
  if (current?.completedAt) return progress;
  return withLesson(
    progress,
    lessonId,
    { visitedAt: current?.visitedAt ?? now, completedAt: now },
    now,
  );
}

/** The learner reached a section of a lesson. */
export function setLocation(
  progress: Progress,
  lessonId: string,
  section: string | undefined,
  now: string,
): Progress {
  const here = progress.location;
  if (here && here.lesson === lessonId && here.section === section) return progress;
  const location: Location = { lesson: lessonId, at: now };
  if (section) location.section = section;
  return { ...progress, location, updatedAt: now };
}

/**
 * Combines two copies of the same learner's progress (two tabs, or an import into existing
 * progress) so that nothing either copy recorded is lost: a lesson completed in either is
 * completed, first visits and completions keep their earliest dates, the newer bookmark wins.
 * merge(empty, x) equals x, and merge is commutative and idempotent.
 */
export function merge(a: Progress, b: Progress): Progress {
  const lessons: Record<string, LessonProgress> = {};
  const ids = new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)]);
  for (const id of [...ids].sort()) {
    const x = a.lessons[id] ?? {};
    const y = b.lessons[id] ?? {};
    const lesson: LessonProgress = {};
    const visitedAt = earlier(x.visitedAt, y.visitedAt);
    const completedAt = earlier(x.completedAt, y.completedAt);
    if (visitedAt) lesson.visitedAt = visitedAt;
    if (completedAt) lesson.completedAt = completedAt;
    lessons[id] = lesson;
  }
  const merged: Progress = { version: a.version, lessons };
  const location = pickLocation(a.location, b.location);
  if (location) merged.location = location;
  const updatedAt = later(a.updatedAt, b.updatedAt);
  if (updatedAt) merged.updatedAt = updatedAt;
  return merged;
}

function pickLocation(a: Location | undefined, b: Location | undefined): Location | undefined {
  if (!a) return b;
  if (!b) return a;
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return ta > tb ? a : b;
  // Same instant: pick deterministically so that merge stays commutative.
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
