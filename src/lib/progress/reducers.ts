/**
 * Pure changes to progress. Each takes the current progress and returns a new one, or the same
 * object when nothing changed (so callers can skip a write). `now` is passed in so that tests are
 * deterministic. Merging two copies is in ./merge.
 */
import type { CheckState, LessonProgress, Location, Progress, Response, ScenarioProgress } from './types';

function withLesson(progress: Progress, id: string, lesson: LessonProgress, now: string): Progress {
  return { ...progress, lessons: { ...progress.lessons, [id]: lesson }, updatedAt: now };
}

/**
 * The learner opened a lesson (at a section, when the address named one or the page opened
 * scrolled down to one). Opened at its top, the lesson keeps the section bookmarked in it: only
 * the learner scrolling back up (`setLocation`) moves the bookmark back.
 */
export function visit(progress: Progress, lessonId: string, now: string, section?: string): Progress {
  const current = progress.lessons[lessonId] ?? {};
  const lesson: LessonProgress = { ...current, visitedAt: current.visitedAt ?? now };
  const location: Location = { lesson: lessonId, at: now };
  const at = section ?? (progress.location?.lesson === lessonId ? progress.location.section : undefined);
  if (at) location.section = at;
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

/** The learner checked an answer to a knowledge check: one more try used. */
export function recordCheck(progress: Progress, questionId: string, response: Response, score: number, now: string): Progress {
  const previous = progress.checks?.[questionId];
  const state: CheckState = { response, attempts: (previous?.attempts ?? 0) + 1, score, at: now };
  return { ...progress, checks: { ...progress.checks, [questionId]: state }, updatedAt: now };
}

/** Gives the learner their own order of check options, once: a seed already set is kept. */
export function withOptionSeed(progress: Progress, seed: number): Progress {
  if (progress.optionSeed !== undefined) return progress;
  return { ...progress, optionSeed: seed >>> 0 };
}

/** Saves a reflection; an empty text removes it. */
export function setNote(progress: Progress, noteId: string, text: string, now: string): Progress {
  const current = progress.notes?.[noteId];
  if ((current?.text ?? '') === text) return progress;
  const notes = { ...progress.notes };
  if (text === '') delete notes[noteId];
  else notes[noteId] = { text, at: now };
  return { ...progress, notes, updatedAt: now };
}

/**
 * Records the current run of a scenario: its path, and its ending when the run has one (endings
 * are kept across restarts). An empty path restarts the scenario.
 */
export function recordScenario(progress: Progress, scenarioId: string, path: string[], ending: string | undefined, now: string): Progress {
  const previous = progress.scenarios?.[scenarioId];
  const endings = previous?.endings ?? [];
  // Runs from an earlier version of the scenario (`earlier`) stay with it.
  const next: ScenarioProgress = { ...previous, path, endings: ending && !endings.includes(ending) ? [...endings, ending] : endings, at: now };
  return { ...progress, scenarios: { ...progress.scenarios, [scenarioId]: next }, updatedAt: now };
}
