/**
 * The course summary for the home page and the certificate: lessons completed, where "Continue"
 * goes, and whether the course is completed (every lesson, and the final assessment passed).
 * Apart from ./status so that lesson pages do not load it.
 */
import { lessonStatus } from './status';
import type { Progress } from './types';

export interface ResumePoint {
  lesson: string;
  section?: string;
}

export interface CourseSummary {
  completed: number;
  total: number;
  /** Whole percent of lessons completed. */
  percent: number;
  /** True once the learner has opened any lesson. */
  started: boolean;
  /** Where "Continue" goes: the bookmark, else the first lesson not completed. */
  resume: ResumePoint;
}

export function summarise(progress: Progress, lessonIds: readonly string[]): CourseSummary {
  const total = lessonIds.length;
  const completed = lessonIds.filter((id) => lessonStatus(progress, id) === 'completed').length;
  const started = lessonIds.some((id) => lessonStatus(progress, id) !== 'not-started');
  const percent = total === 0 ? 0 : Math.round((completed / total) * 100);
  return { completed, total, percent, started, resume: resumePoint(progress, lessonIds) };
}

function resumePoint(progress: Progress, lessonIds: readonly string[]): ResumePoint {
  const first = lessonIds[0] ?? '';
  const bookmark = progress.location;
  if (bookmark && lessonIds.includes(bookmark.lesson)) {
    const bookmarked = lessonStatus(progress, bookmark.lesson);
    // A bookmark on a finished lesson points past it, to the next lesson still to do.
    if (bookmarked !== 'completed') {
      return bookmark.section ? { lesson: bookmark.lesson, section: bookmark.section } : { lesson: bookmark.lesson };
    }
    const after = lessonIds.slice(lessonIds.indexOf(bookmark.lesson) + 1);
    const next = after.find((id) => lessonStatus(progress, id) !== 'completed');
    if (next) return { lesson: next };
    if (lessonIds.every((id) => lessonStatus(progress, id) === 'completed')) {
      return bookmark.section ? { lesson: bookmark.lesson, section: bookmark.section } : { lesson: bookmark.lesson };
    }
  }
  const next = lessonIds.find((id) => lessonStatus(progress, id) !== 'completed');
  return { lesson: next ?? first };
}

export function bestAssessment(progress: Progress) {
  const submitted = (progress.assessments ?? []).filter((a) => a.submittedAt && a.score !== undefined);
  return submitted.reduce<(typeof submitted)[number] | undefined>((best, a) => (!best || (a.score ?? 0) > (best.score ?? 0) ? a : best), undefined);
}

export interface CourseCompletion {
  lessonsDone: boolean;
  passed: boolean;
  completed: boolean;
  /** When the course was completed: the later of the last lesson and the passing submission. */
  completedAt?: string;
  /** Best score, whole percent, when any attempt was submitted. */
  score?: number;
}

export function courseCompletion(progress: Progress, lessonIds: readonly string[]): CourseCompletion {
  const lessonsDone = lessonIds.length > 0 && lessonIds.every((id) => !!progress.lessons[id]?.completedAt);
  const best = bestAssessment(progress);
  const passing = (progress.assessments ?? []).find((a) => a.passed && a.submittedAt);
  const result: CourseCompletion = { lessonsDone, passed: !!passing, completed: lessonsDone && !!passing };
  if (best?.score !== undefined) result.score = best.score;
  if (result.completed && passing?.submittedAt) {
    const last = lessonIds.map((id) => progress.lessons[id]?.completedAt ?? '').sort().at(-1) ?? '';
    result.completedAt = last > passing.submittedAt ? last : passing.submittedAt;
  }
  return result;
}
