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
  const todo = lessonIds.find((id) => lessonStatus(progress, id) !== 'completed');
  return { lesson: todo ?? first };
}
