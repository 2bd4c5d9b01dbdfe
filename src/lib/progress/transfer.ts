/**
 * Progress files: what "Import" accepts (what "Export" writes is in ./file). A file is checked
 * completely before anything changes: a caller applies the result only when `ok` is true. The
 * progress page loads this module only when the learner imports a file.
 */
import { fromData } from './codec';
import { EXPORT_FORMAT, MAX_IMPORT_BYTES, type ExportFile } from './file';
import { fit, isEmpty, setAsideMessage, tally, type CourseContent, type SetAside } from './fit';
import type { MigrationTable } from './migrations';
import { PROGRESS_VERSION, type CourseFacts, type Problem, type Progress } from './types';


/** The parts of progress a file may hold; any other is set aside. */
const PARTS = ['version', 'lessons', 'location', 'checks', 'notes', 'scenarios', 'diagnostics', 'assessments', 'plan', 'learnerName', 'updatedAt'];

export type ImportResult =
  /** `setAside`: the entries left out, by reason; `warnings` says it to the learner. */
  | { ok: true; progress: Progress; warnings: Problem[]; exportedAt: string; setAside: SetAside }
  | { ok: false; message: string; setAside?: SetAside };

/**
 * Reads a progress file. Only what the course can use is kept (with `facts.content`, also checked
 * against the course's questions, notes, scenarios and diagnostic); the rest is set aside and
 * counted. A file with nothing usable is refused.
 */
export function parseImport(
  text: string,
  byteLength: number,
  courseId: string,
  facts: CourseFacts & { content?: CourseContent | undefined },
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
    data = JSON.parse(text.trim());
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
  const raw: unknown = file.progress;
  const none = 'This progress file contains no progress. Nothing was changed.';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: none };
  const given = raw as Record<string, unknown>;
  const decoded = fromData({ ...given, version: file.version }, facts, table);
  const fatal = decoded.problems.find((p) => p.code === 'wrong-shape' || p.code === 'unknown-version' || p.code === 'future-version');
  if (fatal) {
    return { ok: false, message: `This progress file could not be read: ${fatal.message} Nothing was changed.` };
  }
  // What the codec left out, and the parts of a file that progress does not have.
  const aside: SetAside = {};
  const bookmark = given['location'] as { lesson?: unknown } | undefined;
  const unknownBookmark = typeof bookmark?.lesson === 'string' && !facts.lessonIds.includes(bookmark.lesson);
  for (const problem of decoded.problems) {
    for (const entry of problem.entries ?? []) {
      tally(aside, problem.code === 'unknown-lesson' || (entry === 'location' && unknownBookmark) ? 'lesson' : 'form');
    }
  }
  for (const key of Object.keys(given)) if (!PARTS.includes(key)) tally(aside, 'form');
  if (given['updatedAt'] !== undefined && decoded.progress.updatedAt === undefined) tally(aside, 'form');
  const progress = facts.content ? fit(decoded.progress, facts.content, aside).progress : decoded.progress;
  const setAside = setAsideMessage(aside);
  if (isEmpty(progress)) {
    return { ok: false, message: setAside ? `This progress file has nothing this course can use. ${setAside} Nothing was changed.` : none, setAside: aside };
  }
  return {
    ok: true,
    progress,
    warnings: setAside ? [{ code: 'set-aside', message: setAside }] : [],
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
    setAside: aside,
  };
}
