/**
 * What the interface says about progress: a lesson's status and the course summary.
 * One vocabulary for the home page, the lesson outline and the tests.
 */
import type { Progress } from './types';

export type LessonStatus = 'not-started' | 'in-progress' | 'completed';

export const STATUS_LABELS: Readonly<Record<LessonStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

export function lessonStatus(progress: Progress, lessonId: string): LessonStatus {
  const lesson = progress.lessons[lessonId];
  if (lesson?.completedAt) return 'completed';
  if (lesson?.visitedAt) return 'in-progress';
  return 'not-started';
}
