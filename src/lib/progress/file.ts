/** A progress file as "Export" writes it (read back by ./transfer). */
import { PROGRESS_VERSION, type Progress } from './types';

/** The `format` field that marks a file as ours. */
export const EXPORT_FORMAT = 'leading-together-progress';
/** Largest file accepted by import, in bytes. */
export const MAX_IMPORT_BYTES = 256 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  course: string;
  version: number;
  exportedAt: string;
  progress: Progress;
}

export function exportFile(progress: Progress, courseId: string, now: string): ExportFile {
  return { format: EXPORT_FORMAT, course: courseId, version: PROGRESS_VERSION, exportedAt: now, progress };
}

/** A file name such as `leading-together-progress-2026-11-25.json`. */
export function exportFileName(courseId: string, now: string): string {
  return `${courseId}-progress-${now.slice(0, 10)}.json`;
}
