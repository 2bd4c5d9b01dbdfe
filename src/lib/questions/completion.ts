/**
 * When a lesson, and the course, count as completed. A lesson: its end reached and every
 * knowledge check finished (right, or tries used up). The course: every lesson completed and the
 * final assessment passed.
 */
import type { CheckState, Progress } from '../progress/types';

/** A knowledge check is finished when answered correctly or when its tries are used up. */
export function isFinished(question: { attempts: number }, state: CheckState | undefined): boolean {
  if (!state) return false;
  return state.score >= 1 || state.attempts >= question.attempts;
}

export interface CheckRef {
  id: string;
  attempts: number;
}

/** The knowledge checks of a lesson that are not finished yet, in page order. */
export function unfinishedChecks(progress: Progress, checks: readonly CheckRef[]): string[] {
  return checks.filter((c) => !isFinished(c, progress.checks?.[c.id])).map((c) => c.id);
}

/** Scenarios of a lesson with no ending reached yet. */
export function unfinishedScenarios(progress: Progress, scenarioIds: readonly string[]): string[] {
  return scenarioIds.filter((id) => (progress.scenarios?.[id]?.endings.length ?? 0) === 0);
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
