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
