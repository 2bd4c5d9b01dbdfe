/**
 * The learner's progress: what the course remembers between sittings.
 * Pure data, serialisable as JSON; every field is optional except the version so that
 * an empty object of the right version is a valid "nothing yet" progress.
 */

/**
 * Part of the storage key (`leading-together:v1:progress`). It stays 1 when the data shape changes:
 * shapes migrate inside the value (see PROGRESS_VERSION), so the key must not move away from old data.
 */
export const STORAGE_KEY_VERSION = 1;

/** Version of the progress data shape. Bump it and add a migration when the shape changes. */
export const PROGRESS_VERSION = 2;

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

/** A learner's answer to a question, by kind. Ids are the question's option, item and category ids. */
export type Response =
  | { kind: 'single'; choice: string }
  | { kind: 'multiple'; choices: string[] }
  | { kind: 'classify'; placements: Record<string, string> };

/** The last answer to a knowledge check and how many tries it took. */
export interface CheckState {
  response: Response;
  /** Tries used so far (1 after the first check). */
  attempts: number;
  /** Score of the last try, 0–1 (partial credit for multiple response and classification). */
  score: number;
  at: string;
}

/** A free-text reflection. */
export interface Note {
  text: string;
  at: string;
}

/** One completed run of the self-assessment diagnostic. */
export interface DiagnosticResult {
  /** One answer per statement, in the diagnostic's order: 1–5. */
  answers: number[];
  /** One yes/no per integrity red flag, in order. */
  flags: boolean[];
  at: string;
}

/** A scenario: the current run as the choices taken, and every ending reached in any run. */
export interface ScenarioProgress {
  /** Choice ids from the start; the state is replayed from it. */
  path: string[];
  /** Ending ids reached in this or earlier runs, in the order first reached. */
  endings: string[];
  at: string;
  /**
   * Runs saved by an earlier version of the scenario, kept when its moves or endings no longer
   * exist (src/lib/progress/earlier.ts): the moves taken and the endings this version lacks.
   */
  earlier?: EarlierRun[];
}

/** At most this many earlier-version runs are kept per scenario (the oldest go first). */
export const MAX_EARLIER = 10;

/** A scenario run from an earlier version of the scenario: kept, shown as such, never replayed. */
export interface EarlierRun {
  /** Choice ids as saved; some are no longer moves of the scenario (empty when only endings went). */
  path: string[];
  /** Endings reached then that the scenario no longer has. */
  endings: string[];
  /** When the run was last changed. */
  at: string;
}

/** The learner's 90-day experiment (lesson 7). */
export interface ActionPlan {
  /** The decision to redistribute. */
  decision: string;
  /** How: a charter, a peer commitment, a huddle, a stop signal, or the learner's own words. */
  mechanism: string;
  /** Who owns the experiment. */
  owner: string;
  /** Two or three measures. */
  measures: string[];
  /** The check-in date, YYYY-MM-DD. */
  checkIn: string;
  at: string;
}

/** A learner's self-assessment against one rubric criterion of an artefact: met, partly met, not yet met. */
export type Rating = 'yes' | 'partly' | 'no';

/** A work product the learner builds on their own team (content/artefacts/<id>.yaml). */
export interface ArtefactState {
  /** What the learner wrote, by field id; blank fields are left out. */
  fields: Record<string, string>;
  /** The self-assessment, by rubric criterion id. */
  rubric: Record<string, Rating>;
  at: string;
}

/** One attempt at the final assessment. */
export interface AssessmentAttempt {
  /** Seed of the draw: the same seed gives the same questions in the same order. */
  seed: number;
  startedAt: string;
  /** Question ids drawn, in the order shown. */
  questions: string[];
  /** Answers so far, by question id. */
  answers: Record<string, Response>;
  submittedAt?: string;
  /** Whole percent, set on submission. */
  score?: number;
  passed?: boolean;
  /**
   * Taken in a SCORM package while the LMS was tracking the visit. Only such attempts are reported
   * to the LMS (score, status, interactions); imported ones stay in the browser's history.
   */
  lms?: true;
}

/** A learner's view of one pre-check statement. */
export type Stance = 'agree' | 'disagree' | 'unsure';

/** One round of the pre-check: a stance per statement id. */
export interface PrecheckRound {
  answers: Record<string, Stance>;
  at: string;
}

/** The optional pre-check: answered at the start (`before`), revisited at the end (`after`), or skipped. */
export interface Precheck {
  before?: PrecheckRound;
  after?: PrecheckRound;
  /** When the learner chose to skip it at the start. */
  skippedAt?: string;
}

/**
 * A spaced-review check in a later lesson: the questions drawn from earlier lessons (fixed at the first
 * answer, so the draw stays put) and their answers. Kept apart from `checks`, so that a review never
 * changes an earlier lesson's knowledge checks or its completion.
 */
export interface ReviewState {
  /** Question ids, in the order shown. */
  items: string[];
  /** Answers, by question id. */
  answers: Record<string, CheckState>;
  at: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Keyed by lesson id (the lesson's slug). */
  lessons: Record<string, LessonProgress>;
  location?: Location;
  /** Knowledge checks, by question id. */
  checks?: Record<string, CheckState>;
  /** Reflections, by prompt id. */
  notes?: Record<string, Note>;
  /** Branching scenarios, by scenario id. */
  scenarios?: Record<string, ScenarioProgress>;
  /** Diagnostic runs, oldest first (the latest few are kept). */
  diagnostics?: DiagnosticResult[];
  /** Final-assessment attempts, oldest first (the latest few are kept). */
  assessments?: AssessmentAttempt[];
  /** The 90-day action plan. */
  plan?: ActionPlan;
  /** The name the learner wants on the certificate. */
  learnerName?: Note;
  /**
   * The learner's own order of the options in knowledge checks: a 32-bit seed, set with the first lesson visit and
   * never changed (a reset clears it). The same seed gives the same order after a reload, and answers
   * are kept by option id, so grading and review do not depend on it.
   */
  optionSeed?: number;
  /** Artefacts (delegation agreement, routine map, convening plan, decision-rights map), by artefact id. */
  artefacts?: Record<string, ArtefactState>;
  /** When anything last changed. */
  updatedAt?: string;
  /** The optional pre-check (what the learner believed at the start, and at the end). */
  precheck?: Precheck;
  /** Spaced-review checks, by review id (`<ReviewCheck id="…" />`). */
  reviews?: Record<string, ReviewState>;
}

/** A problem found while reading saved progress. Decoding reports these instead of throwing. */
export interface Problem {
  code:
    | 'not-json'
    | 'wrong-shape'
    | 'future-version'
    | 'unknown-version'
    | 'unknown-lesson'
    | 'invalid-field'
    /** An import left out entries the course cannot use (see fit.ts). */
    | 'set-aside';
  /** A sentence a learner could read. */
  message: string;
  /** What was left out, one item per entry (`lessons.ghost`, `checks.q1`), to count them. */
  entries?: string[];
}

/** What the course knows about itself when it reads progress: which lessons exist. */
export interface CourseFacts {
  lessonIds: readonly string[];
}

/** How many diagnostic runs and assessment attempts progress keeps. */
export const KEEP_DIAGNOSTICS = 3;
export const KEEP_ASSESSMENTS = 5;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}
