/**
 * Progress as SCORM `suspend_data`: a compact, ASCII-only text. SCORM 1.2 allows 4,096
 * characters, SCORM 2004 64,000. Ids are kept (so that a changed course never mixes up answers),
 * times become seconds in base 36, the question ids of a list share their common start, and
 * only what resuming needs is sent: the latest diagnostic, the latest and the best assessment
 * attempts. Under SCORM 1.2 notes and the action plan stay in the browser; under 2004 they are
 * sent while the whole fits, the longest notes left out first when it does not. The text names
 * the course and the progress data version (`LT2`); the first format (`LT1`, without them) is
 * still read, so that learners resume when a package is updated in their LMS.
 *
 * Decoding goes through the progress codec's validation, so that whatever an LMS hands back
 * becomes a usable progress and a list of problems, never an exception.
 */
import { fromData, type Decoded } from '../progress/codec';
import { bestAssessment } from '../progress/summary';
import { PROGRESS_VERSION, type CourseFacts, type Progress, type Response } from '../progress/types';
import type { Standard } from './api';
import { pack, unpack } from './pack';

/** The most `suspend_data` each standard guarantees. */
export const SUSPEND_LIMIT: Readonly<Record<Standard, number>> = { '1.2': 4096, '2004': 64000 };

/** The current format: it names the course (`c`) and the progress data version (`v`). */
const PREFIX = 'LT2';
/** The first format, without course or version: still read, so that an updated package resumes it. */
const OLD_PREFIX = 'LT1';
/** Text too long for the limit is packed (see ./pack) behind the prefix and this letter. */
const PACKED = 'z';

/** Parts of progress left in the browser only, and why. */
export type LeftOut = 'notes' | 'plan' | 'older-attempts' | 'older-diagnostics' | 'checks';

export interface Encoded {
  text: string;
  /** What is not in `text` and stays in the browser. */
  leftOut: LeftOut[];
}

/** What suspend data carries besides progress. */
export interface SuspendMeta {
  /** The course id, so that another course's data is never read as this one's. */
  course?: string | undefined;
  /** Seeds of the attempts whose interactions the LMS has (so they are not sent twice). */
  reported?: Iterable<number>;
}

export interface SuspendDecoded extends Decoded {
  /** Seeds of the attempts already reported to the LMS. */
  reported: number[];
}

const t = (iso: string | undefined): string | 0 => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? 0 : Math.round(ms / 1000).toString(36);
};
const iso = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[0-9a-z]{1,9}$/.test(v) ? new Date(parseInt(v, 36) * 1000).toISOString() : undefined;

/** Ids in a list share their common start with the one before: `l1-check-a`, `9~b`. */
export function frontCode(ids: readonly string[]): string[] {
  return ids.map((id, i) => {
    const before = ids[i - 1] ?? '';
    let n = 0;
    while (n < id.length && n < before.length && id[n] === before[n]) n++;
    return n >= 3 ? `${n}~${id.slice(n)}` : id;
  });
}

export function frontDecode(codes: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const text = String(code);
    const m = /^(\d+)~(.*)$/.exec(text);
    out.push(m ? (out.at(-1) ?? '').slice(0, Number(m[1])) + m[2] : text);
  }
  return out;
}

const packResponse = (r: Response): unknown => (r.kind === 'single' ? r.choice : r.kind === 'multiple' ? r.choices : r.placements);

function unpackResponse(v: unknown): Response | undefined {
  if (typeof v === 'string') return { kind: 'single', choice: v };
  if (Array.isArray(v)) return { kind: 'multiple', choices: v.map(String) };
  if (v && typeof v === 'object') return { kind: 'classify', placements: v as Record<string, string> };
  return undefined;
}

/** JSON with every character outside printable ASCII escaped, as SCORM 1.2 asks. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Include {
  notes: boolean;
  plan: boolean;
  notesLeft?: Set<string>;
  /** Only the latest assessment attempt. */
  latestOnly?: boolean;
  /** Knowledge checks at all (completed lessons keep their completion without them). */
  checks?: boolean;
  /** Artefacts (what the learner wrote in the builders), when text is kept at all. */
  artefacts?: boolean;
}

// Times that only order changes (a visit, a check, a scenario step) are not sent: on the way back
// they take the time of the last change. Completions and submissions keep their own.
const byKey = <T>(record: Record<string, T>): [string, T][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

// Records in key order, so that the same progress always gives the same text (a relaunch then
// sends nothing again), however its copies were merged.
function compact(p: Progress, include: Include, meta: SuspendMeta) {
  const c: Record<string, unknown> = {};
  if (meta.course) c['c'] = meta.course;
  c['v'] = PROGRESS_VERSION;
  const lessons = byKey(p.lessons);
  if (lessons.length) c['l'] = lessons.map(([id, l]) => (l.completedAt ? [id, t(l.completedAt)] : [id]));
  if (p.location) c['o'] = [p.location.lesson, p.location.section ?? 0, t(p.location.at)];
  const checks = byKey(p.checks ?? {});
  if (checks.length && include.checks !== false) {
    const ids = frontCode(checks.map(([id]) => id));
    c['k'] = checks.map(([, s], i) => [ids[i], packResponse(s.response), s.attempts, s.score]);
  }
  const scenarios = byKey(p.scenarios ?? {});
  // Runs from an earlier version of a scenario go too where there is room for text (SCORM 2004).
  if (scenarios.length) c['s'] = scenarios.map(([id, s]) => (include.notes && s.earlier?.length ? [id, s.path, s.endings, s.earlier.map((r) => [r.path, r.endings, t(r.at)])] : [id, s.path, s.endings]));
  const diagnostic = p.diagnostics?.at(-1);
  if (diagnostic) c['d'] = [diagnostic.answers.join(''), diagnostic.flags.map((f) => (f ? 1 : 0)).join(''), t(diagnostic.at)];
  const attempts = include.latestOnly ? (p.assessments ?? []).slice(-1) : keptAttempts(p);
  if (attempts.length) {
    c['a'] = attempts.map((a) => {
      const packed: unknown[] = [a.seed, t(a.startedAt), frontCode(a.questions), a.questions.map((q) => (a.answers[q] ? packResponse(a.answers[q]) : 0))];
      if (a.submittedAt) packed.push(t(a.submittedAt), a.score ?? 0, a.passed ? 1 : 0);
      return packed;
    });
    // Attempts taken in an LMS session, and those of them whose interactions the LMS has.
    const taken = attempts.filter((a) => a.lms).map((a) => a.seed);
    if (taken.length) c['t'] = taken;
    const reported = new Set(meta.reported ?? []);
    const sent = taken.filter((seed) => reported.has(seed));
    if (sent.length) c['r'] = sent;
  }
  if (p.learnerName) c['m'] = [p.learnerName.text, t(p.learnerName.at)];
  if (include.plan && p.plan) {
    const { decision, mechanism, owner, measures, checkIn, at } = p.plan;
    c['p'] = [decision, mechanism, owner, measures, checkIn, t(at)];
  }
  if (include.notes && p.notes) {
    const notes = byKey(p.notes).filter(([id]) => !include.notesLeft?.has(id));
    if (notes.length) c['n'] = notes.map(([id, n]) => [id, n.text, t(n.at)]);
  }
  if (include.notes && include.artefacts !== false && p.artefacts) {
    const artefacts = byKey(p.artefacts);
    if (artefacts.length) c['w'] = artefacts.map(([id, a]) => [id, a.fields, a.rubric, t(a.at)]);
  }
  if (p.optionSeed !== undefined) c['e'] = p.optionSeed;
  if (p.updatedAt) c['u'] = t(p.updatedAt);
  return c;
}

/** The latest attempt and, when it is another one, the best submitted one (the LMS keeps the score). */
function keptAttempts(p: Progress) {
  const best = bestAssessment(p);
  const latest = p.assessments?.at(-1);
  return [best, latest].filter((a, i, list): a is NonNullable<typeof a> => !!a && list.indexOf(a) === i);
}

/** Encodes progress for an LMS, within the standard's limit. */
export function encodeSuspend(progress: Progress, standard: Standard, meta: SuspendMeta = {}): Encoded {
  const limit = SUSPEND_LIMIT[standard];
  const leftOut = new Set<LeftOut>();
  if ((progress.assessments?.length ?? 0) > keptAttempts(progress).length) leftOut.add('older-attempts');
  if ((progress.diagnostics?.length ?? 0) > 1) leftOut.add('older-diagnostics');
  const withText = standard === '2004';
  const include: Include = { notes: withText, plan: withText, notesLeft: new Set<string>() };
  if (!withText) {
    if (progress.notes && Object.keys(progress.notes).length) leftOut.add('notes');
    if (progress.plan) leftOut.add('plan');
    if (progress.artefacts && Object.keys(progress.artefacts).length) leftOut.add('notes');
  }
  const build = () => {
    const plain = PREFIX + asciiJson(compact(progress, include, meta));
    return plain.length <= limit ? plain : PREFIX + PACKED + pack(plain);
  };
  let text = build();
  // Over the limit: leave the longest notes in the browser, then older attempts, then the
  // knowledge checks (completed lessons stay completed), until the rest fits.
  const byLength = Object.entries(progress.notes ?? {}).sort(([, a], [, b]) => b.text.length - a.text.length);
  while (text.length > limit && include.notes && byLength.length) {
    include.notesLeft!.add(byLength.shift()![0]);
    leftOut.add('notes');
    text = build();
  }
  // Then the artefacts (what the learner wrote in the builders): kept in the browser, like notes.
  if (text.length > limit && include.notes && progress.artefacts && Object.keys(progress.artefacts).length) {
    include.artefacts = false;
    leftOut.add('notes');
    text = build();
  }
  if (text.length > limit && (progress.assessments?.length ?? 0) > 1) {
    include.latestOnly = true;
    leftOut.add('older-attempts');
    text = build();
  }
  if (text.length > limit) {
    include.checks = false;
    leftOut.add('checks');
    text = build();
  }
  return { text, leftOut: [...leftOut] };
}

/** Whether text looks like this course's suspend data at all (either format). */
export function isOurs(text: string): boolean {
  return text.startsWith(PREFIX) || text.startsWith(OLD_PREFIX);
}

function readCompact(text: string): Record<string, unknown> | undefined {
  const prefix = text.startsWith(PREFIX) ? PREFIX : OLD_PREFIX;
  try {
    const body = text.slice(prefix.length);
    const json = body.startsWith(PACKED) ? unpack(body.slice(PACKED.length)) : body;
    const parsed: unknown = json === undefined ? undefined : JSON.parse(json.startsWith(prefix) ? json.slice(prefix.length) : json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const unread = (code: 'wrong-shape' | 'not-json', message: string): SuspendDecoded => ({
  progress: { version: PROGRESS_VERSION, lessons: {} },
  problems: [{ code, message }],
  reported: [],
});

/**
 * Decodes suspend data into validated progress; empty text is a new learner. `course` is this
 * course's id: data naming another course, or naming none of this course's lessons (another
 * course of the first format, or this one after its lessons were renamed), is not read.
 */
export function decodeSuspend(text: string, facts: CourseFacts, course?: string): SuspendDecoded {
  if (text === '') return { ...fromData({ version: PROGRESS_VERSION, lessons: {} }, facts), reported: [] };
  if (!isOurs(text)) return unread('wrong-shape', 'The progress your LMS returned is not from this course.');
  const c = readCompact(text);
  if (!c) return unread('not-json', 'The progress your LMS returned was damaged and could not be read.');
  if (course && typeof c['c'] === 'string' && c['c'] !== course) {
    return unread('wrong-shape', `The progress your LMS returned belongs to another course (“${c['c'].slice(0, 80)}”).`);
  }
  const ids = arr(c['l']).map((l) => String(arr(l)[0]));
  if (ids.length && !ids.some((id) => facts.lessonIds.includes(id))) {
    return unread('wrong-shape', 'The progress your LMS returned names none of this course’s lessons: it is from another course, or from a version of this course whose lessons have been renamed.');
  }
  const old = !text.startsWith(PREFIX);
  const updated = iso(c['u']);
  // The first format was written at data version 2; the current one says which version it is.
  const data: Record<string, unknown> = { version: old ? 2 : c['v'], lessons: {} };
  const lessons: Record<string, unknown> = {};
  for (const l of arr(c['l'])) {
    const [id, completed] = arr(l);
    lessons[String(id)] = { visitedAt: iso(completed) ?? updated, completedAt: iso(completed) };
  }
  data['lessons'] = lessons;
  const o = arr(c['o']);
  if (o.length) data['location'] = { lesson: o[0], section: o[1] || undefined, at: iso(o[2]) };
  const k = arr(c['k']);
  if (k.length) {
    const ids = frontDecode(k.map((e) => arr(e)[0]));
    data['checks'] = Object.fromEntries(k.map((e, i) => {
      const [, response, attempts, score] = arr(e);
      return [ids[i], { response: unpackResponse(response), attempts, score, at: updated }];
    }));
  }
  const s = arr(c['s']);
  if (s.length) data['scenarios'] = Object.fromEntries(s.map((e) => {
    const [id, path, endings, earlier] = arr(e);
    const run: Record<string, unknown> = { path, endings, at: updated };
    if (earlier !== undefined) run['earlier'] = arr(earlier).map((r) => {
      const [p, ends, at] = arr(r);
      return { path: p, endings: ends, at: iso(at) };
    });
    return [String(id), run];
  }));
  const d = arr(c['d']);
  if (d.length) data['diagnostics'] = [{ answers: [...String(d[0])].map(Number), flags: [...String(d[1])].map((f) => f === '1'), at: iso(d[2]) }];
  const a = arr(c['a']);
  const taken = arr(c['t']);
  const sent = arr(c['r']);
  const reported: number[] = [];
  if (a.length) data['assessments'] = a.map((e) => {
    const [seed, started, questions, answers, submitted, score, passed] = arr(e);
    const ids = frontDecode(arr(questions));
    const attempt: Record<string, unknown> = {
      seed,
      startedAt: iso(started),
      questions: ids,
      answers: Object.fromEntries(ids.flatMap((id, i) => {
        const r = unpackResponse(arr(answers)[i]);
        return r ? [[id, r]] : [];
      })),
    };
    if (submitted !== undefined) Object.assign(attempt, { submittedAt: iso(submitted), score, passed: passed === 1 });
    // The first format reported every attempt it kept: they count as taken in the LMS, and sent.
    if (old || taken.includes(seed)) attempt['lms'] = true;
    if (submitted !== undefined && (old || sent.includes(seed))) reported.push(Number(seed));
    return attempt;
  }).sort((x, y) => String(x['startedAt']).localeCompare(String(y['startedAt'])));
  const m = arr(c['m']);
  if (m.length) data['learnerName'] = { text: m[0], at: iso(m[1]) };
  const p = arr(c['p']);
  if (p.length) data['plan'] = { decision: p[0], mechanism: p[1], owner: p[2], measures: p[3], checkIn: p[4], at: iso(p[5]) };
  const n = arr(c['n']);
  if (n.length) data['notes'] = Object.fromEntries(n.map((e) => {
    const [id, text, at] = arr(e);
    return [String(id), { text, at: iso(at) }];
  }));
  const w = arr(c['w']);
  if (w.length) data['artefacts'] = Object.fromEntries(w.map((e) => {
    const [id, fields, rubric, at] = arr(e);
    return [String(id), { fields, rubric, at: iso(at) }];
  }));
  if (c['e'] !== undefined) data['optionSeed'] = c['e'];
  if (updated) data['updatedAt'] = updated;
  return { ...fromData(JSON.parse(JSON.stringify(data)), facts), reported };
}
