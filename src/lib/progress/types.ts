/**
 * The learner's progress: what the course remembers between sittings.
 * Pure data, serialisable as JSON; every field is optional except the version so that
 * an empty object of the right version is a valid "nothing yet" progress.
 */

/** Version of the progress data shape. Bump it and add a migration when the shape changes. */
export const PROGRESS_VERSION = 1;

/** What the course keeps about one lesson. Times are ISO 8601 strings. */
export interface LessonProgress {
  /** When the learner first opened the lesson. */
  visitedAt?: string;
  /** When the learner completed the lesson; absent while it is not completed. */
  completedAt?: string;
}

/** Where the learner last was: a lesson and, when known, the id of the section heading. */
export interface Location {
  lesson: string;
  section?: string;
  /** When the location was recorded, so that merging two copies keeps the most recent. */
  at: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Keyed by lesson id (the lesson's slug). */
  lessons: Record<string, LessonProgress>;
  location?: Location;
  /** When anything last changed. */
  updatedAt?: string;
}

/** A problem found while reading saved progress. Decoding reports these instead of throwing. */
export interface Problem {
  code:
    | 'not-json'
    | 'wrong-shape'
    | 'future-version'
    | 'unknown-version'
    | 'unknown-lesson'
    | 'invalid-field';
  /** A sentence a learner could read. */
  message: string;
}

/** What the course knows about itself when it reads progress: which lessons exist. */
export interface CourseFacts {
  lessonIds: readonly string[];
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}
