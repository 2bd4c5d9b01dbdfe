/**
 * Progress files: what "Export" writes and "Import" accepts. A file is checked completely
 * before anything changes: a caller applies the result only when `ok` is true.
 */
import { fromData } from './codec';
import type { MigrationTable } from './migrations';
import { PROGRESS_VERSION, type CourseFacts, type Problem, type Progress } from './types';

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

export type ImportResult =
  | { ok: true; progress: Progress; warnings: Problem[]; exportedAt: string }
  | { ok: false; message: string };

export function parseImport(
  text: string,
  byteLength: number,
  courseId: string,
  facts: CourseFacts,
  table?: MigrationTable,
): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `This file is too large (${Math.ceil(byteLength / 1024)} KB). A progress file from this course is at most 256 KB. Nothing was changed.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a progress file: it is not valid JSON. Nothing was changed.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: 'This file is not a Leading Together progress file. Choose a file saved with “Export progress”. Nothing was changed.',
    };
  }
  const file = data as Partial<ExportFile>;
  if (file.course !== courseId) {
    return {
      ok: false,
      message: `This progress file belongs to another course (“${String(file.course)}”). Nothing was changed.`,
    };
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return { ok: false, message: 'This progress file has no version number this course understands. Nothing was changed.' };
  }
  if (file.version > PROGRESS_VERSION) {
    return {
      ok: false,
      message: `This progress file was made by a newer version of the course (data version ${file.version}; this course reads up to ${PROGRESS_VERSION}). Open it in the newer course instead. Nothing was changed.`,
    };
  }
  if (typeof file.progress !== 'object' || file.progress === null) {
    return { ok: false, message: 'This progress file contains no progress. Nothing was changed.' };
  }
  const decoded = fromData({ ...file.progress, version: file.version }, facts, table);
  const fatal = decoded.problems.find((p) => p.code === 'wrong-shape' || p.code === 'unknown-version' || p.code === 'future-version');
  if (fatal) {
    return { ok: false, message: `This progress file could not be read: ${fatal.message} Nothing was changed.` };
  }
  return {
    ok: true,
    progress: decoded.progress,
    warnings: decoded.problems,
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
  };
}
