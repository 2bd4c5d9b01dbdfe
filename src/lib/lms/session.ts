/**
 * One SCORM session: initialise once, read what the LMS kept, write progress back (suspend data,
 * bookmark, status, score, new interactions) and commit after each change, finish exactly once.
 * Only what differs from what the LMS holds is written, and nothing at all in review or browse
 * mode. A call the LMS refuses is logged with its error code and tried once more; what still
 * fails is reported to the caller, which tells the learner and keeps the progress in the browser,
 * and is tried again with the next save and before the session finishes.
 */
import type { Question } from '../../schemas/question';
import type { AssessmentAttempt, CourseFacts, Problem, Progress } from '../progress/types';
import type { LmsApi, Standard } from './api';
import { bookmark, interactionFields, standing, statusValues, type CourseRules } from './report';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT, type LeftOut } from './suspend';
import { scorm12Duration, scorm2004Duration } from './time';

const ELEMENTS = {
  '1.2': {
    suspend: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    learner: 'cmi.core.student_id',
    name: 'cmi.core.student_name',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    sessionTime: 'cmi.core.session_time',
    count: 'cmi.interactions._count',
  },
  '2004': {
    suspend: 'cmi.suspend_data',
    location: 'cmi.location',
    learner: 'cmi.learner_id',
    name: 'cmi.learner_name',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    sessionTime: 'cmi.session_time',
    count: 'cmi.interactions._count',
  },
} as const;

/**
 * The status elements the LMS can also answer (exit and session time are write-only): what it
 * returns at launch is not written again.
 */
const READABLE: Readonly<Record<Standard, readonly string[]>> = {
  '1.2': ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max'],
  '2004': ['cmi.completion_status', 'cmi.success_status', 'cmi.progress_measure', 'cmi.score.raw', 'cmi.score.min', 'cmi.score.max', 'cmi.score.scaled'],
};

/** How the LMS opened the course: only `normal` records anything. */
export type LaunchMode = 'normal' | 'review' | 'browse';

/** Longest bookmark each standard stores. */
const LOCATION_LIMIT: Readonly<Record<Standard, number>> = { '1.2': 255, '2004': 1000 };

export interface LmsFailure {
  call: string;
  code: string;
  text: string;
}

export interface SessionOptions {
  api: LmsApi;
  /** The course id, carried in the suspend data. */
  course?: string;
  facts: CourseFacts;
  rules: CourseRules;
  /** The assessment bank, to report answers as interactions. */
  questions: ReadonlyMap<string, Question>;
  now?: () => number;
  log?: (message: string) => void;
}

export interface Launch {
  progress: Progress;
  problems: Problem[];
  /** The suspend data as the LMS returned it. */
  raw: string;
  /** The bookmark page, relative to the course root, when there is one. */
  location: string;
  learnerId: string;
  /** `resume` when the LMS resumes a suspended attempt. */
  entry: string;
  /** The LMS could not return the suspend data (an error, not just nothing saved yet). */
  readFailed: boolean;
  /** `review` or `browse`: the session writes nothing. */
  mode: LaunchMode;
}

export interface SaveResult {
  ok: boolean;
  failure?: LmsFailure;
  /** Parts of progress the LMS does not get (they stay in the browser). */
  leftOut: LeftOut[];
}

export class LmsSession {
  readonly standard: Standard;
  private readonly api: LmsApi;
  private readonly options: SessionOptions;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly started: number;
  /** What the LMS holds, by element: it returned it at launch or accepted it since. */
  private readonly sent = new Map<string, string>();
  /** Seeds of the attempts whose interactions the LMS has, every field of them. */
  private readonly reported = new Set<number>();
  /** Interactions begun (the LMS took the id), by id: their index and the fields it still lacks. */
  private readonly written = new Map<string, { index: number; left: [string, string][] }>();
  private interactionCount = 0;
  /** The last progress saved, and whether some of it did not reach the LMS (tried again at finish). */
  private last: Progress | undefined;
  private pending = false;
  private uncommitted = false;
  private readOnly = false;
  private state: 'running' | 'refused' | 'finished' = 'refused';
  /** Why the LMS would not start the session, when it would not. */
  startFailure: LmsFailure | undefined;

  constructor(options: SessionOptions) {
    this.options = options;
    this.api = options.api;
    this.standard = options.api.standard;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.started = this.now();
    const ok = this.call('Initialize', () => this.api.initialize());
    if (ok) this.state = 'running';
    else this.startFailure = this.lastFailure;
  }

  private lastFailure: LmsFailure | undefined;

  /** Runs a call; on "false" logs the error and tries once more (or not: `tries` 1). */
  private call(name: string, run: () => boolean, tries = 2): boolean {
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (run()) return true;
      const { code, text } = this.api.lastError();
      this.lastFailure = { call: name, code, text };
      this.log(`SCORM ${this.standard}: ${name} answered "false" (error ${code}: ${text})${attempt < tries ? '; trying once more' : ''}`);
    }
    return false;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** What the LMS kept for this learner. */
  launch(): Launch {
    const e = ELEMENTS[this.standard];
    const get = (element: string) => (this.state === 'running' ? this.api.get(element) : '');
    const raw = get(e.suspend);
    // Nothing saved yet answers "" with error 0 (or 403 under 2004); any other error is a failure.
    const readError = this.state === 'running' ? this.api.lastError().code : '0';
    const readFailed = !['0', '', '403'].includes(readError);
    if (readFailed) this.log(`SCORM ${this.standard}: GetValue(${e.suspend}) failed (error ${readError})`);
    const decoded = decodeSuspend(raw, this.options.facts, this.options.course);
    const location = get(e.location);
    const mode = get(e.mode);
    this.readOnly = mode === 'review' || mode === 'browse';
    this.markReported(decoded.reported);
    this.interactionCount = Number(get(e.count)) || 0;
    if (raw) this.sent.set(e.suspend, raw);
    if (location) this.sent.set(e.location, location);
    for (const element of READABLE[this.standard]) {
      const value = get(element);
      if (value !== '') this.sent.set(element, value);
    }
    return {
      progress: decoded.progress,
      problems: decoded.problems,
      raw,
      location,
      learnerId: get(e.learner),
      entry: get(e.entry),
      readFailed,
      mode: this.readOnly ? (mode as LaunchMode) : 'normal',
    };
  }

  /** Attempts known elsewhere (this browser) to have reached the LMS: they are not sent again. */
  markReported(seeds: Iterable<number>): void {
    for (const seed of seeds) this.reported.add(seed);
  }

  /** Seeds of the attempts whose interactions the LMS has. */
  reportedSeeds(): number[] {
    return [...this.reported].sort((a, b) => a - b);
  }

  /**
   * Writes progress to the LMS and commits. Nothing is written that the LMS already holds, and
   * nothing at all in review or browse mode. Only attempts taken in an LMS session count for the
   * status, score and interactions; an attempt whose interactions did not all reach the LMS is
   * completed with the next save.
   */
  save(progress: Progress): SaveResult {
    const tracked: Progress = { ...progress, assessments: (progress.assessments ?? []).filter((a) => a.lms) };
    if (this.state !== 'running') {
      const { leftOut } = encodeSuspend(progress, this.standard, { course: this.options.course });
      return { ok: false, failure: this.startFailure ?? { call: 'Initialize', code: '', text: 'no session' }, leftOut };
    }
    this.last = progress;
    let ok = true;
    let changed = false;
    if (!this.readOnly) {
      for (const attempt of tracked.assessments!.filter((a) => a.submittedAt && !this.reported.has(a.seed))) {
        changed = true;
        if (this.report(attempt)) this.reported.add(attempt.seed);
        else ok = false;
      }
    }
    const encoded = encodeSuspend(progress, this.standard, { course: this.options.course, reported: this.reported });
    if (this.readOnly) return { ok: true, leftOut: encoded.leftOut };
    const e = ELEMENTS[this.standard];
    const values: [string, string][] = [];
    const fits = encoded.text.length <= SUSPEND_LIMIT[this.standard];
    if (fits) values.push([e.suspend, encoded.text]);
    const mark = bookmark(progress);
    if (mark && mark.length <= LOCATION_LIMIT[this.standard]) values.push([e.location, mark]);
    values.push(...statusValues(standing(tracked, this.options.rules), this.standard));
    for (const [element, value] of values) {
      if (this.sent.get(element) === value) continue;
      changed = true;
      if (this.call(`SetValue(${element})`, () => this.api.set(element, value))) this.sent.set(element, value);
      else ok = false;
    }
    if (changed || this.uncommitted) {
      this.setSessionTime();
      this.uncommitted = !this.call('Commit', () => this.api.commit());
      if (this.uncommitted) ok = false;
    }
    this.pending = !ok;
    if (!fits) {
      this.log(`SCORM ${this.standard}: progress needs ${encoded.text.length} characters, over the ${SUSPEND_LIMIT[this.standard]} the LMS keeps`);
      return { ok: false, failure: { call: 'SetValue(cmi.suspend_data)', code: '', text: 'your progress is longer than your LMS can keep' }, leftOut: encoded.leftOut };
    }
    const result: SaveResult = { ok, leftOut: encoded.leftOut };
    if (!ok && this.lastFailure) result.failure = this.lastFailure;
    return result;
  }

  /**
   * Writes one submitted attempt's interactions, one at a time from the LMS's count (an index the
   * LMS refused is used again by the next), continuing those begun before. True when the LMS has
   * every field of every one.
   */
  private report(attempt: AssessmentAttempt): boolean {
    let complete = true;
    for (const [first, ...rest] of interactionFields(attempt, this.options.questions, this.standard, attempt.seed)) {
      if (!first) continue;
      let begun = this.written.get(first[1]);
      if (!begun) {
        const key = `cmi.interactions.${this.interactionCount}`;
        if (!this.call(`SetValue(${key}.${first[0]})`, () => this.api.set(`${key}.${first[0]}`, first[1]))) {
          complete = false;
          continue;
        }
        begun = { index: this.interactionCount++, left: rest };
        this.written.set(first[1], begun);
      }
      const key = `cmi.interactions.${begun.index}`;
      begun.left = begun.left.filter(([field, value]) => !this.call(`SetValue(${key}.${field})`, () => this.api.set(`${key}.${field}`, value)));
      if (begun.left.length) complete = false;
    }
    return complete;
  }

  private setSessionTime(): void {
    const ms = this.now() - this.started;
    const value = this.standard === '1.2' ? scorm12Duration(ms) : scorm2004Duration(ms);
    this.call(`SetValue(${ELEMENTS[this.standard].sessionTime})`, () => this.api.set(ELEMENTS[this.standard].sessionTime, value));
  }

  /**
   * Ends the session: what the last save could not write is tried again, then session time,
   * commit, finish (in review or browse mode, finish alone). Exactly once; later calls do nothing.
   */
  finish(): boolean {
    if (this.state !== 'running') return false;
    if (!this.readOnly) {
      if (this.pending && this.last) this.save(this.last);
      this.setSessionTime();
      this.call('Commit', () => this.api.commit());
    }
    this.state = 'finished';
    // Never twice, even when the LMS answers "false".
    return this.call(this.standard === '1.2' ? 'LMSFinish' : 'Terminate', () => this.api.finish(), 1);
  }
}
