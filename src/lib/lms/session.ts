/**
 * One SCORM session: initialise once, read what the LMS kept, write progress back (suspend data,
 * bookmark, status, score, new interactions) and commit after each change, finish exactly once.
 * A call the LMS refuses is logged with its error code and tried once more; what still fails is
 * reported to the caller, which tells the learner and keeps the progress in the browser.
 */
import type { Question } from '../../schemas/question';
import type { CourseFacts, Problem, Progress } from '../progress/types';
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
    sessionTime: 'cmi.core.session_time',
    count: 'cmi.interactions._count',
  },
  '2004': {
    suspend: 'cmi.suspend_data',
    location: 'cmi.location',
    learner: 'cmi.learner_id',
    name: 'cmi.learner_name',
    entry: 'cmi.entry',
    sessionTime: 'cmi.session_time',
    count: 'cmi.interactions._count',
  },
} as const;

/** Longest bookmark each standard stores. */
const LOCATION_LIMIT: Readonly<Record<Standard, number>> = { '1.2': 255, '2004': 1000 };

export interface LmsFailure {
  call: string;
  code: string;
  text: string;
}

export interface SessionOptions {
  api: LmsApi;
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
  private readonly sent = new Map<string, string>();
  private readonly reported = new Set<number>();
  private interactionCount = 0;
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
    const { progress, problems } = decodeSuspend(raw, this.options.facts);
    const location = get(e.location);
    for (const a of progress.assessments ?? []) if (a.submittedAt) this.reported.add(a.seed);
    this.interactionCount = Number(get(e.count)) || 0;
    if (raw) this.sent.set(e.suspend, raw);
    if (location) this.sent.set(e.location, location);
    return { progress, problems, raw, location, learnerId: get(e.learner), entry: get(e.entry), readFailed };
  }

  /** Writes progress to the LMS and commits. Nothing is written twice with the same value. */
  save(progress: Progress): SaveResult {
    const encoded = encodeSuspend(progress, this.standard);
    if (this.state !== 'running') {
      return { ok: false, failure: this.startFailure ?? { call: 'Initialize', code: '', text: 'no session' }, leftOut: encoded.leftOut };
    }
    const e = ELEMENTS[this.standard];
    const values: [string, string][] = [];
    const fits = encoded.text.length <= SUSPEND_LIMIT[this.standard];
    if (fits) values.push([e.suspend, encoded.text]);
    const mark = bookmark(progress);
    if (mark && mark.length <= LOCATION_LIMIT[this.standard]) values.push([e.location, mark]);
    values.push(...statusValues(standing(progress, this.options.rules), this.standard));
    const fresh = (progress.assessments ?? []).filter((a) => a.submittedAt && !this.reported.has(a.seed));
    let ok = true;
    let changed = false;
    for (const [element, value] of values) {
      if (this.sent.get(element) === value) continue;
      changed = true;
      if (this.call(`SetValue(${element})`, () => this.api.set(element, value))) this.sent.set(element, value);
      else ok = false;
    }
    for (const attempt of fresh) {
      // One interaction at a time, so that an index the LMS refused is used again by the next.
      for (const [first, ...rest] of interactionFields(attempt, this.options.questions, this.standard, attempt.seed)) {
        const key = `cmi.interactions.${this.interactionCount}`;
        if (!first || !this.call(`SetValue(${key}.${first[0]})`, () => this.api.set(`${key}.${first[0]}`, first[1]))) {
          ok = false;
          continue;
        }
        this.interactionCount++;
        for (const [field, value] of rest) {
          if (!this.call(`SetValue(${key}.${field})`, () => this.api.set(`${key}.${field}`, value))) ok = false;
        }
      }
      changed = true;
      this.reported.add(attempt.seed);
    }
    if (changed) {
      this.setSessionTime();
      if (!this.call('Commit', () => this.api.commit())) ok = false;
    }
    if (!fits) {
      this.log(`SCORM ${this.standard}: progress needs ${encoded.text.length} characters, over the ${SUSPEND_LIMIT[this.standard]} the LMS keeps`);
      return { ok: false, failure: { call: 'SetValue(cmi.suspend_data)', code: '', text: 'your progress is longer than your LMS can keep' }, leftOut: encoded.leftOut };
    }
    const result: SaveResult = { ok, leftOut: encoded.leftOut };
    if (!ok && this.lastFailure) result.failure = this.lastFailure;
    return result;
  }

  private setSessionTime(): void {
    const ms = this.now() - this.started;
    const value = this.standard === '1.2' ? scorm12Duration(ms) : scorm2004Duration(ms);
    this.call(`SetValue(${ELEMENTS[this.standard].sessionTime})`, () => this.api.set(ELEMENTS[this.standard].sessionTime, value));
  }

  /** Ends the session: session time, commit, finish. Exactly once; later calls do nothing. */
  finish(): boolean {
    if (this.state !== 'running') return false;
    this.state = 'finished';
    this.setSessionTime();
    this.call('Commit', () => this.api.commit());
    // Never twice, even when the LMS answers "false".
    return this.call(this.standard === '1.2' ? 'LMSFinish' : 'Terminate', () => this.api.finish(), 1);
  }
}
