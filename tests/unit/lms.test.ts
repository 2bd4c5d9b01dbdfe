import { describe, expect, it } from 'vitest';
import {
  LmsSession,
  SUSPEND_LIMIT,
  decodeSuspend,
  encodeSuspend,
  findApi,
  interactions,
  scorm12Characters,
  pack,
  scorm12Duration,
  scorm2004Duration,
  standing,
  statusValues,
  unpack,
  wrap12,
  wrap2004,
  type LmsApi,
  type Scorm12Api,
  type Scorm2004Api,
} from '../../src/lib/lms';
import type { Question } from '../../src/schemas/question';
import { emptyProgress, type Progress } from '../../src/lib/progress/types';
import { merge } from '../../src/lib/progress/merge';
import { fromOutside } from '../../src/lib/progress/records';
import { lessonIds, maximalProgress, questions } from './lms-maximal';

const facts = { lessonIds };
const rules = { lessonIds, passMark: 80 };
const bank = new Map(questions.map((q) => [q.id, q]));
/** The patterns the two standards give for session time. */
const SCORM12_TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const ISO_DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

describe('session time', () => {
  it('SCORM 1.2: HHHH:MM:SS.SS', () => {
    expect(scorm12Duration(65_500)).toBe('0000:01:05.50');
    expect(scorm12Duration(0)).toBe('0000:00:00.00');
    expect(scorm12Duration(3 * 3600_000 + 7)).toMatch(SCORM12_TIMESPAN);
  });
  it('SCORM 2004: an ISO 8601 duration', () => {
    expect(scorm2004Duration(65_500)).toBe('PT1M5.5S');
    expect(scorm2004Duration(0)).toBe('PT0S');
    expect(scorm2004Duration(3_723_000)).toBe('PT1H2M3S');
    for (const ms of [1, 999, 60_000, 86_400_123]) expect(scorm2004Duration(ms)).toMatch(ISO_DURATION);
  });
});

describe('pack', () => {
  it('round-trips text of any length in URL-safe characters, past a full dictionary', () => {
    let random = '';
    let state = 42;
    // Noise enough to fill the 65,536-code dictionary and go on without it.
    for (let i = 0; i < 300_000; i++) random += String.fromCharCode(32 + ((state = (state * 48271) % 2147483647) % 95));
    for (const text of ['', 'a', 'aaaa', 'abababab', 'TOBEORNOTTOBEORTOBEORNOT', random]) {
      const packed = pack(text);
      expect(packed).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(unpack(packed)).toBe(text);
    }
  });
  it('refuses what it cannot carry and what it did not make', () => {
    expect(() => pack('é')).toThrow(RangeError);
    expect(unpack('not packed!')).toBeUndefined();
    expect(unpack('AAAA')).toBeUndefined();
  });
});

describe('suspend data', () => {
  const maximal = maximalProgress();

  it('a learner who has done everything fits SCORM 1.2’s 4,096 characters, in ASCII', () => {
    const { text, leftOut } = encodeSuspend(maximal, '1.2');
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT['1.2']);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    // Under 1.2 free text stays in the browser; nothing else is dropped.
    expect(leftOut.sort()).toEqual(['notes', 'older-attempts', 'older-diagnostics', 'plan']);
  });

  it('…and comes back with every lesson, check, scenario, the attempts that matter and the name', () => {
    const back = decodeSuspend(encodeSuspend(maximal, '1.2').text, facts);
    expect(back.problems).toEqual([]);
    const p = back.progress;
    expect(Object.keys(p.lessons).sort()).toEqual([...lessonIds].sort());
    for (const id of lessonIds) expect(p.lessons[id]?.completedAt).toBe(new Date(Math.round(Date.parse(maximal.lessons[id]!.completedAt!) / 1000) * 1000).toISOString());
    expect(p.location?.lesson).toBe(maximal.location?.lesson);
    expect(p.location?.section).toBe(maximal.location?.section);
    for (const [id, check] of Object.entries(maximal.checks ?? {})) {
      expect(p.checks?.[id]?.response).toEqual(check.response);
      expect(p.checks?.[id]?.attempts).toBe(check.attempts);
    }
    expect(p.scenarios).toEqual(Object.fromEntries(Object.entries(maximal.scenarios ?? {}).map(([id, s]) => [id, { ...s, at: p.updatedAt }])));
    const seeds = p.assessments?.map((a) => a.seed);
    const best = maximal.assessments!.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
    expect(seeds).toEqual([best.seed, maximal.assessments!.at(-1)!.seed]);
    expect(p.assessments?.[1]?.answers).toEqual(maximal.assessments!.at(-1)!.answers);
    expect(p.assessments?.[0]?.passed).toBe(true);
    expect(p.learnerName?.text).toBe(maximal.learnerName?.text);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.notes).toBeUndefined();
    expect(p.plan).toBeUndefined();
  });

  it('a name in 120 different non-Latin characters still fits', () => {
    const name = Array.from({ length: 120 }, (_, i) => String.fromCharCode(0x4e00 + i * 37)).join('');
    const { text } = encodeSuspend({ ...maximal, learnerName: { text: name, at: maximal.updatedAt! } }, '1.2');
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT['1.2']);
    expect(decodeSuspend(text, facts).progress.learnerName?.text).toBe(name);
  });

  it('SCORM 2004 carries notes and the plan too, within 64,000 characters', () => {
    const { text, leftOut } = encodeSuspend(maximal, '2004');
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT['2004']);
    expect(leftOut).not.toContain('notes');
    const p = decodeSuspend(text, facts).progress;
    expect(p.plan?.decision).toBe(maximal.plan?.decision);
    expect(Object.keys(p.notes ?? {}).sort()).toEqual(Object.keys(maximal.notes ?? {}).sort());
    expect(Object.values(p.notes ?? {})[0]?.text).toBe(Object.values(maximal.notes ?? {})[0]?.text);
  });

  it('notes that cannot fit under 2004 stay in the browser, longest first, and say so', () => {
    let seed = 1;
    const noise = () => Array.from({ length: 5000 }, () => String.fromCharCode(0x400 + ((seed = (seed * 16807) % 2147483647) % 600))).join('');
    const notes = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`note-${i}`, { text: noise(), at: maximal.updatedAt! }]));
    const { text, leftOut } = encodeSuspend({ ...maximal, notes }, '2004');
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT['2004']);
    expect(leftOut).toContain('notes');
    expect(Object.keys(decodeSuspend(text, facts).progress.notes ?? {}).length).toBeGreaterThan(0);
  });

  it('when even the rest cannot fit, older attempts then the knowledge checks are left out, and what is sent still reads', () => {
    let state = 7;
    const noise = Array.from({ length: 4000 }, () => String.fromCharCode(33 + ((state = (state * 48271) % 2147483647) % 90))).join('');
    const { text, leftOut } = encodeSuspend({ ...maximal, learnerName: { text: noise, at: maximal.updatedAt! } }, '1.2');
    expect(leftOut).toEqual(expect.arrayContaining(['older-attempts', 'checks']));
    const back = decodeSuspend(text, facts);
    expect(back.problems).toEqual([]);
    expect(back.progress.checks).toBeUndefined();
    expect(Object.keys(back.progress.lessons)).toHaveLength(lessonIds.length);
  });

  it('empty is a new learner; damaged or foreign data is a problem, never an exception', () => {
    expect(decodeSuspend('', facts)).toEqual({ progress: emptyProgress(), problems: [], reported: [] });
    expect(decodeSuspend('{"lessons":{}}', facts).problems[0]?.code).toBe('wrong-shape');
    expect(decodeSuspend('LT1{"l":[[', facts).problems[0]?.code).toBe('not-json');
    expect(decodeSuspend('LT1zAAAA', facts).problems[0]?.code).toBe('not-json');
    const odd = decodeSuspend('LT1{"l":[["no-such-lesson","x"],[5]],"k":"nonsense","a":[[1,2,3]]}', facts);
    expect(odd.progress.lessons).toEqual({});
  });
});

describe('finding the API', () => {
  const api12 = { LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true', LMSCommit: () => 'true', LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => '' };
  const api2004 = { Initialize: () => 'true', Terminate: () => 'true', GetValue: () => '', SetValue: () => 'true', Commit: () => 'true', GetLastError: () => '0', GetErrorString: () => '', GetDiagnostic: () => '' };
  const crossOrigin = new Proxy({}, { get() { throw new DOMException('Blocked a frame', 'SecurityError'); } });

  it('prefers SCORM 2004 to 1.2, walking up the parents', () => {
    const top: Record<string, unknown> = { API: api12, API_1484_11: api2004 };
    top['parent'] = top;
    const frame = { parent: { parent: top } };
    expect(findApi(frame)?.standard).toBe('2004');
    expect(findApi({ parent: { API: api12, parent: null } as never })?.standard).toBe('1.2');
  });
  it('walks the opener’s chain, and a cross-origin window does not stop or break the search', () => {
    expect(findApi({ parent: crossOrigin as never, opener: { API: api12 } as never })?.standard).toBe('1.2');
    expect(findApi({ parent: crossOrigin as never })).toBeUndefined();
    expect(findApi({})).toBeUndefined();
  });
});

describe('status and interactions', () => {
  const done: Progress = { ...emptyProgress(), lessons: Object.fromEntries(lessonIds.map((id) => [id, { visitedAt: '2026-11-20T10:00:00.000Z', completedAt: '2026-11-20T10:00:00.000Z' }])) };
  const attempt = (score: number, passed: boolean, seed = 7) => ({ seed, startedAt: '2026-11-20T11:00:00.000Z', submittedAt: '2026-11-20T11:20:00.000Z', questions: [], answers: {}, score, passed });

  it('incomplete until every lesson is done and the assessment taken; then passed or failed', () => {
    expect(statusValues(standing(emptyProgress(), rules), '1.2')).toEqual([['cmi.core.lesson_status', 'incomplete'], ['cmi.core.exit', 'suspend']]);
    expect(statusValues(standing(done, rules), '2004').slice(0, 2)).toEqual([['cmi.completion_status', 'incomplete'], ['cmi.success_status', 'unknown']]);
    const failed = standing({ ...done, assessments: [attempt(60, false)] }, rules);
    expect(statusValues(failed, '1.2')).toContainEqual(['cmi.core.lesson_status', 'failed']);
    // A learner who failed comes back to the same attempt to retake the assessment.
    expect(statusValues(failed, '1.2')).toContainEqual(['cmi.core.exit', 'suspend']);
    expect(statusValues(failed, '2004')).toContainEqual(['cmi.exit', 'suspend']);
    const passed = statusValues(standing({ ...done, assessments: [attempt(60, false), attempt(92, true, 8)] }, rules), '2004');
    expect(passed).toEqual(expect.arrayContaining([
      ['cmi.completion_status', 'completed'], ['cmi.success_status', 'passed'], ['cmi.score.raw', '92'], ['cmi.score.scaled', '0.92'],
      ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.progress_measure', '1'], ['cmi.exit', 'normal'],
    ]));
  });

  it('answers as interactions in each standard’s vocabulary, numbered from the LMS’s count', () => {
    const drawn = questions.filter((q) => q.kind === 'classify' && (q as Question & { use: string }).use === 'assessment').slice(0, 1)
      .concat(questions.filter((q) => q.kind === 'multiple').slice(0, 1), questions.filter((q) => q.kind === 'single').slice(0, 1));
    const wrong = (q: Question) => (q.kind === 'single' ? { kind: 'single' as const, choice: q.options.find((o) => !o.correct)!.id } : q.kind === 'multiple' ? { kind: 'multiple' as const, choices: q.options.map((o) => o.id) } : { kind: 'classify' as const, placements: Object.fromEntries(q.items.map((i) => [i.id, i.category])) });
    const a = { ...attempt(33, false), questions: drawn.map((q) => q.id), answers: Object.fromEntries(drawn.map((q) => [q.id, wrong(q)])) };
    const v12 = new Map(interactions(a, bank, '1.2', 4, 99));
    expect(v12.get('cmi.interactions.4.id')).toBe(`a99-${drawn[0]!.id}`);
    expect([...v12.keys()].filter((k) => k.endsWith('.id') && !k.includes('objectives'))).toEqual(['cmi.interactions.4.id', 'cmi.interactions.5.id', 'cmi.interactions.6.id']);
    expect(v12.get('cmi.interactions.4.type')).toBe('matching');
    expect(v12.get('cmi.interactions.4.result')).toBe('correct');
    expect(v12.get('cmi.interactions.4.student_response')).toMatch(/^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/);
    expect(v12.get('cmi.interactions.5.type')).toBe('choice');
    expect(v12.get('cmi.interactions.5.student_response')).toMatch(/^[0-9a-z](,[0-9a-z])*$/);
    expect(v12.get('cmi.interactions.6.result')).toBe('wrong');
    expect(v12.get('cmi.interactions.6.time')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    for (const [k, v] of v12) if (k.endsWith('.id')) expect(v).not.toMatch(/\s/);
    const v2004 = interactions(a, bank, '2004', 0, 99);
    const m = new Map(v2004);
    expect(v2004[0]?.[0]).toBe('cmi.interactions.0.id');
    expect(m.get('cmi.interactions.0.learner_response')).toMatch(/^[a-z0-9-]+\[\.\][a-z0-9-]+(\[,\][a-z0-9-]+\[\.\][a-z0-9-]+)*$/);
    expect(m.get('cmi.interactions.2.result')).toBe('incorrect');
    // SCORM 2004's time format allows a zone only after fractions of a second.
    expect(m.get('cmi.interactions.2.timestamp')).toBe('2026-11-20T11:20:00.00Z');
    expect(m.get('cmi.interactions.2.timestamp')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,2}Z$/);
  });

  it('SCORM 1.2 responses name options by their ids (c for option c), by position only when an id is no response character', () => {
    const single = questions.find((q): q is Extract<Question, { kind: 'single' }> => q.kind === 'single' && (q as Question & { use: string }).use === 'assessment' && q.options.some((o) => o.id === 'c'))!;
    const multiple = questions.find((q): q is Extract<Question, { kind: 'multiple' }> => q.kind === 'multiple' && (q as Question & { use: string }).use === 'assessment')!;
    const renamed = { ...single, id: 'renamed', options: single.options.map((o, i) => ({ ...o, id: `option-${i}` })) };
    const classify = questions.find((q) => q.kind === 'classify' && (q as Question & { use: string }).use === 'assessment')!;
    const withRenamed = new Map([...bank, [renamed.id, renamed as Question]]);
    const chosen = multiple.options.filter((o) => o.correct).map((o) => o.id);
    const a = {
      ...attempt(50, false), questions: [single.id, multiple.id, renamed.id, classify.id],
      answers: { [single.id]: { kind: 'single' as const, choice: 'c' }, [multiple.id]: { kind: 'multiple' as const, choices: chosen }, [renamed.id]: { kind: 'single' as const, choice: 'option-2' } },
    };
    const v12 = new Map(interactions(a, withRenamed, '1.2', 0, 1));
    // What the learner chose, as Moodle's report shows it: the option's own letter.
    expect(v12.get('cmi.interactions.0.student_response')).toBe('c');
    expect(v12.get('cmi.interactions.0.correct_responses.0.pattern')).toBe(single.options.find((o) => o.correct)!.id);
    expect(v12.get('cmi.interactions.1.student_response')).toBe(chosen.join(','));
    expect(v12.get('cmi.interactions.1.correct_responses.0.pattern')).toBe(chosen.join(','));
    // Ids that are not one character 0–9 or a–z: their positions, in the same response format.
    expect(v12.get('cmi.interactions.2.student_response')).toBe('2');
    expect(v12.get('cmi.interactions.3.correct_responses.0.pattern')).toMatch(/^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/);
    expect(scorm12Characters(['a', 'b', '7'])).toBe(true);
    expect(scorm12Characters(['a', 'B'])).toBe(false);
    expect(scorm12Characters(['ab'])).toBe(false);
  });
});

/** A fake LMS that records every call and can be told to refuse. */
function fakeLms(standard: '1.2' | '2004', data: Record<string, string> = {}) {
  const calls: string[] = [];
  const values = new Map(Object.entries(data));
  let refuse = false;
  let error = '0';
  const set = (k: string, v: string) => {
    calls.push(`set ${k}=${v.slice(0, 40)}`);
    if (refuse) { error = '351'; return 'false'; }
    values.set(k, v);
    if (/^cmi\.interactions\.\d+\.id$/.test(k)) values.set('cmi.interactions._count', String(Number(values.get('cmi.interactions._count') ?? 0) + 1));
    return 'true';
  };
  const get = (k: string) => values.get(k) ?? '';
  const api: LmsApi = standard === '1.2'
    ? wrap12({ LMSInitialize: () => (calls.push('init'), 'true'), LMSFinish: () => (calls.push('finish'), 'true'), LMSGetValue: get, LMSSetValue: set, LMSCommit: () => (calls.push('commit'), refuse ? 'false' : 'true'), LMSGetLastError: () => error, LMSGetErrorString: () => 'refused', LMSGetDiagnostic: () => '' } satisfies Scorm12Api)
    : wrap2004({ Initialize: () => (calls.push('init'), 'true'), Terminate: () => (calls.push('finish'), 'true'), GetValue: get, SetValue: set, Commit: () => (calls.push('commit'), refuse ? 'false' : 'true'), GetLastError: () => error, GetErrorString: () => 'refused', GetDiagnostic: () => '' } satisfies Scorm2004Api);
  return { api, calls, values, refuse: (on: boolean) => { refuse = on; } };
}

describe('an LMS session', () => {
  let clock = 0;
  const now = () => clock;

  it('initialises once, saves what changed and commits, finishes exactly once', () => {
    const lms = fakeLms('1.2');
    const session = new LmsSession({ api: lms.api, facts, rules, questions: bank, now });
    const launch = session.launch();
    expect(launch.progress).toEqual(emptyProgress());
    const p: Progress = { ...emptyProgress(), lessons: { [lessonIds[0]!]: { visitedAt: '2026-11-20T10:00:00.000Z', completedAt: '2026-11-20T10:05:00.000Z' } }, location: { lesson: lessonIds[1]!, section: 'why', at: '2026-11-20T10:06:00.000Z' } };
    clock = 65_500;
    expect(session.save(p).ok).toBe(true);
    expect(lms.values.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(lms.values.get('cmi.core.exit')).toBe('suspend');
    expect(lms.values.get('cmi.core.lesson_location')).toBe(`lessons/${lessonIds[1]}/#why`);
    expect(lms.values.get('cmi.core.session_time')).toBe('0000:01:05.50');
    expect(decodeSuspend(lms.values.get('cmi.suspend_data')!, facts).progress.lessons[lessonIds[0]!]?.completedAt).toBe('2026-11-20T10:05:00.000Z');
    const before = lms.calls.length;
    expect(session.save(p).ok).toBe(true);
    expect(lms.calls.length).toBe(before);
    session.finish();
    session.finish();
    expect(lms.calls.filter((c) => c === 'init')).toHaveLength(1);
    expect(lms.calls.filter((c) => c === 'finish')).toHaveLength(1);
    expect(lms.calls.at(-1)).toBe('finish');
  });

  it('resumes from what the LMS kept, and reports a new attempt’s answers once', () => {
    const first = fakeLms('2004');
    const s1 = new LmsSession({ api: first.api, facts, rules, questions: bank, now });
    s1.launch();
    const drawn = questions.filter((q) => (q as Question & { use: string }).use === 'assessment').slice(0, 3);
    const submitted: Progress = { ...emptyProgress(), assessments: [{ seed: 5, startedAt: '2026-11-20T11:00:00.000Z', submittedAt: '2026-11-20T11:10:00.000Z', questions: drawn.map((q) => q.id), answers: {}, score: 0, passed: false, lms: true }] };
    s1.save(submitted);
    s1.save(submitted);
    expect(first.values.get('cmi.interactions._count')).toBe('3');
    s1.finish();
    const again = fakeLms('2004', Object.fromEntries(first.values));
    const s2 = new LmsSession({ api: again.api, facts, rules, questions: bank, now });
    expect(s2.launch().progress.assessments?.[0]?.seed).toBe(5);
    s2.save({ ...submitted, assessments: [...submitted.assessments!, { ...submitted.assessments![0]!, seed: 6 }] });
    expect(again.values.get('cmi.interactions._count')).toBe('6');
    expect(again.values.get('cmi.interactions.3.id')).toBe(`a6-${drawn[0]!.id}`);
  });

  it('progress longer than the LMS keeps is not sent, and the save says so', () => {
    const lms = fakeLms('1.2');
    const session = new LmsSession({ api: lms.api, facts, rules, questions: bank, now });
    session.launch();
    let state = 3;
    const noise = Array.from({ length: 6000 }, () => String.fromCharCode(33 + ((state = (state * 48271) % 2147483647) % 90))).join('');
    const result = session.save({ ...emptyProgress(), learnerName: { text: noise, at: '2026-11-20T10:00:00.000Z' } });
    expect(result.ok).toBe(false);
    expect(result.failure?.text).toMatch(/longer than your LMS can keep/);
    expect(lms.calls.some((c) => c.startsWith('set cmi.suspend_data'))).toBe(false);
  });

  it('a failed read is told apart from nothing saved yet', () => {
    const fresh = fakeLms('2004');
    expect(new LmsSession({ api: fresh.api, facts, rules, questions: bank, now }).launch().readFailed).toBe(false);
    const broken = fakeLms('2004');
    const api = { ...broken.api, get: () => '', lastError: () => ({ code: '301', text: 'Not initialized' }) };
    expect(new LmsSession({ api, facts, rules, questions: bank, now }).launch().readFailed).toBe(true);
  });

  it('an LMS that will not initialise: no session, saves fail with its error, finish is not called', () => {
    const lms = fakeLms('1.2');
    const api = { ...lms.api, initialize: () => false, lastError: () => ({ code: '101', text: 'General exception' }) };
    const session = new LmsSession({ api, facts, rules, questions: bank, now });
    expect(session.running).toBe(false);
    expect(session.startFailure?.code).toBe('101');
    expect(session.save(emptyProgress()).ok).toBe(false);
    expect(session.finish()).toBe(false);
    expect(lms.calls).not.toContain('finish');
  });

  it('an interaction the LMS refuses does not leave a gap in the numbering, and is sent again with the next save', () => {
    const lms = fakeLms('2004');
    let refuseIds = true;
    const api = { ...lms.api, set: (k: string, v: string) => (refuseIds && /^cmi\.interactions\.\d+\.id$/.test(k) ? false : lms.api.set(k, v)) };
    const session = new LmsSession({ api, facts, rules, questions: bank, now });
    session.launch();
    const drawn = questions.filter((q) => (q as Question & { use: string }).use === 'assessment').slice(0, 2);
    const attempt = (seed: number) => ({ seed, startedAt: '2026-11-20T11:00:00.000Z', submittedAt: '2026-11-20T11:10:00.000Z', questions: drawn.map((q) => q.id), answers: {}, score: 0, passed: false, lms: true as const });
    expect(session.save({ ...emptyProgress(), assessments: [attempt(1)] }).ok).toBe(false);
    refuseIds = false;
    expect(session.save({ ...emptyProgress(), assessments: [attempt(1), attempt(2)] }).ok).toBe(true);
    expect([0, 1, 2, 3].map((i) => lms.values.get(`cmi.interactions.${i}.id`))).toEqual([`a1-${drawn[0]!.id}`, `a1-${drawn[1]!.id}`, `a2-${drawn[0]!.id}`, `a2-${drawn[1]!.id}`]);
  });

  it('an LMS that answers "false": each call is tried twice, the save says it failed and why', () => {
    const lms = fakeLms('2004');
    const logged: string[] = [];
    const session = new LmsSession({ api: lms.api, facts, rules, questions: bank, now, log: (m) => logged.push(m) });
    session.launch();
    lms.refuse(true);
    const result = session.save({ ...emptyProgress(), learnerName: { text: 'Ada', at: '2026-11-20T10:00:00.000Z' } });
    expect(result.ok).toBe(false);
    expect(result.failure?.code).toBe('351');
    expect(lms.calls.filter((c) => c.startsWith('set cmi.suspend_data'))).toHaveLength(2);
    expect(logged.some((m) => m.includes('error 351') && m.includes('trying once more'))).toBe(true);
    lms.refuse(false);
    expect(session.save({ ...emptyProgress(), learnerName: { text: 'Ada', at: '2026-11-20T10:00:00.000Z' } }).ok).toBe(true);
  });
});

describe('an LMS session keeps the LMS’s record true (issue 10)', () => {
  const now = () => 0;
  const at = '2026-11-20T10:00:00.000Z';
  const drawn = questions.filter((q) => (q as Question & { use: string }).use === 'assessment').slice(0, 2);
  const done = (lms: boolean): Progress => ({
    ...emptyProgress(),
    lessons: Object.fromEntries(lessonIds.map((id) => [id, { visitedAt: at, completedAt: at }])),
    assessments: [{ seed: 9, startedAt: at, submittedAt: at, questions: drawn.map((q) => q.id), answers: {}, score: 92, passed: true, ...(lms ? { lms: true as const } : {}) }],
  });
  const sets = (calls: string[]) => calls.filter((c) => c.startsWith('set ')).map((c) => c.slice(4).split('=')[0]!);

  it('a save that failed last is sent again before the session finishes, and finish is called once, last', () => {
    const lms = fakeLms('1.2');
    const session = new LmsSession({ api: lms.api, course: 'leading-together', facts, rules, questions: bank, now });
    session.launch();
    const one: Progress = { ...emptyProgress(), lessons: { [lessonIds[0]!]: { visitedAt: at, completedAt: at } } };
    expect(session.save(one).ok).toBe(true);
    const two: Progress = { ...one, lessons: { ...one.lessons, [lessonIds[1]!]: { visitedAt: at, completedAt: at } } };
    lms.refuse(true);
    expect(session.save(two).ok).toBe(false);
    lms.refuse(false);
    session.finish();
    expect(Object.keys(decodeSuspend(lms.values.get('cmi.suspend_data')!, facts).progress.lessons)).toHaveLength(2);
    expect(lms.calls.filter((c) => c === 'finish')).toHaveLength(1);
    expect(lms.calls.at(-1)).toBe('finish');
  });

  it('an attempt whose interaction fields failed is completed before finishing, not marked as reported', () => {
    const lms = fakeLms('2004');
    let refuseResults = true;
    const api = { ...lms.api, set: (k: string, v: string) => (refuseResults && k.endsWith('.result') ? false : lms.api.set(k, v)) };
    const session = new LmsSession({ api, course: 'leading-together', facts, rules, questions: bank, now });
    session.launch();
    expect(session.save(done(true)).ok).toBe(false);
    expect(lms.values.get('cmi.interactions.0.result')).toBeUndefined();
    refuseResults = false;
    session.finish();
    expect(lms.values.get('cmi.interactions._count')).toBe('2');
    expect(lms.values.get('cmi.interactions.0.result')).toBe('incorrect');
    expect(lms.values.get('cmi.interactions.1.result')).toBe('incorrect');
    expect(decodeSuspend(lms.values.get('cmi.suspend_data')!, facts, 'leading-together').reported).toEqual([9]);
  });

  it('only attempts taken in an LMS session become status, score and interactions', () => {
    const lms = fakeLms('1.2');
    const session = new LmsSession({ api: lms.api, course: 'leading-together', facts, rules, questions: bank, now });
    session.launch();
    session.save(done(false));
    expect(lms.values.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(lms.values.has('cmi.core.score.raw')).toBe(false);
    expect(lms.values.get('cmi.interactions._count')).toBeUndefined();
    // The imported attempt is still in the suspend data (the browser's history), unmarked.
    expect(decodeSuspend(lms.values.get('cmi.suspend_data')!, facts).progress.assessments?.[0]?.lms).toBeUndefined();
    session.save(done(true));
    expect(lms.values.get('cmi.core.lesson_status')).toBe('passed');
    expect(lms.values.get('cmi.core.score.raw')).toBe('92');
  });

  it('in review or browse mode nothing is written; finish is still called once', () => {
    for (const [standard, mode] of [['1.2', 'cmi.core.lesson_mode'], ['2004', 'cmi.mode']] as const) {
      for (const value of ['review', 'browse']) {
        const lms = fakeLms(standard, { [mode]: value, 'cmi.suspend_data': encodeSuspend(done(true), standard).text });
        const session = new LmsSession({ api: lms.api, course: 'leading-together', facts, rules, questions: bank, now });
        const launch = session.launch();
        expect(launch.mode).toBe(value);
        expect(session.save({ ...done(true), learnerName: { text: 'Ada', at } }).ok).toBe(true);
        session.finish();
        expect(lms.calls.filter((c) => c.startsWith('set ') || c === 'commit')).toEqual([]);
        expect(lms.calls.filter((c) => c === 'finish')).toHaveLength(1);
      }
    }
  });

  it('a normal relaunch sends only what changed: no suspend data, status, score or interactions again', () => {
    for (const standard of ['1.2', '2004'] as const) {
      const first = fakeLms(standard);
      const s1 = new LmsSession({ api: first.api, course: 'leading-together', facts, rules, questions: bank, now });
      const p = { ...done(true), location: { lesson: lessonIds[1]!, at } };
      s1.launch();
      s1.save(p);
      s1.finish();
      const again = fakeLms(standard, Object.fromEntries(first.values));
      const s2 = new LmsSession({ api: again.api, course: 'leading-together', facts, rules, questions: bank, now });
      s2.save(decodeSuspend(s2.launch().raw, facts, 'leading-together').progress);
      s2.finish();
      // Exit is write-only and says how this session ends; session time is this session's.
      const exit = standard === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
      const time = standard === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time';
      expect(sets(again.calls), standard).toEqual([exit, time, time]);
    }
  });
});

describe('suspend data names the course and its data version', () => {
  const at = '2026-11-20T10:00:00.000Z';
  const one: Progress = { ...emptyProgress(), lessons: { [lessonIds[0]!]: { visitedAt: at, completedAt: at } } };

  it('another course’s data, or data naming none of this course’s lessons, is not read and says why', () => {
    const other = decodeSuspend(encodeSuspend(one, '1.2', { course: 'another-course' }).text, facts, 'leading-together');
    expect(other.progress.lessons).toEqual({});
    expect(other.problems).toEqual([{ code: 'wrong-shape', message: expect.stringContaining('belongs to another course (“another-course”)') }]);
    const renamed = decodeSuspend('LT1{"l":[["renamed-lesson","tosmdo"],["another-renamed"]]}', facts, 'leading-together');
    expect(renamed.problems).toEqual([{ code: 'wrong-shape', message: expect.stringContaining('names none of this course’s lessons') }]);
    const newer = decodeSuspend(encodeSuspend(one, '1.2', { course: 'leading-together' }).text.replace('"v":2', '"v":3'), facts, 'leading-together');
    expect(newer.problems.map((p) => p.code)).toEqual(['future-version']);
  });

  it('the first format (no course, no version) still reads: its attempts count as taken in the LMS and reported', () => {
    const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000).toString(36);
    const old = `LT1{"l":[["${lessonIds[0]}","${seconds(at)}"]],"a":[[9,"${seconds(at)}",[],[],"${seconds(at)}",92,1]],"u":"${seconds(at)}"}`;
    const back = decodeSuspend(old, facts, 'leading-together');
    expect(back.problems).toEqual([]);
    expect(back.progress.lessons[lessonIds[0]!]?.completedAt).toBe(at);
    expect(back.progress.assessments).toEqual([expect.objectContaining({ seed: 9, score: 92, passed: true, lms: true })]);
    expect(back.reported).toEqual([9]);
    const now = encodeSuspend(back.progress, '1.2', { course: 'leading-together', reported: back.reported }).text;
    expect(now).toMatch(/^LT2\{"c":"leading-together","v":2,/);
    expect(decodeSuspend(now, facts, 'leading-together')).toEqual(back);
  });

  it('a learner who has done everything still fits SCORM 1.2 with the course id, version and attempt marks', () => {
    const marked = { ...maximalProgress() };
    marked.assessments = marked.assessments!.map((a) => ({ ...a, lms: true as const }));
    const { text } = encodeSuspend(marked, '1.2', { course: 'leading-together', reported: marked.assessments.map((a) => a.seed) });
    console.info(`SCORM 1.2 suspend_data for a learner who has done everything: ${text.length} of ${SUSPEND_LIMIT['1.2']} characters`);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT['1.2']);
  });
});

describe('the LMS’s copy and the browser’s copy merge', () => {
  const at = '2026-11-20T10:00:00.456Z';
  const attempt = { seed: 9, startedAt: at, submittedAt: '2026-11-20T10:20:00.789Z', questions: [], answers: {}, score: 92, passed: true, lms: true as const };
  const browser: Progress = { ...emptyProgress(), lessons: { [lessonIds[0]!]: { visitedAt: at, completedAt: at } }, assessments: [attempt], diagnostics: [{ answers: [1, 2], flags: [false], at }] };

  it('into one attempt and one diagnostic run, though the LMS keeps times to the second', () => {
    const lms = decodeSuspend(encodeSuspend(browser, '1.2', { course: 'leading-together', reported: [9] }).text, facts, 'leading-together').progress;
    expect(lms.assessments?.[0]?.startedAt).not.toBe(at);
    const merged = merge(lms, browser);
    expect(merged.assessments).toHaveLength(1);
    expect(merged.assessments?.[0]?.lms).toBe(true);
    expect(merged.diagnostics).toHaveLength(1);
    expect(merge(browser, lms)).toEqual(merged);
  });

  it('an imported copy never takes the place of an attempt taken in the LMS, and an import carries no marks', () => {
    const imported = fromOutside({ ...emptyProgress(), assessments: [{ ...attempt, score: 100 }] });
    expect(imported.assessments?.[0]?.lms).toBeUndefined();
    expect(merge(browser, imported).assessments).toEqual([attempt]);
    expect(merge(imported, browser).assessments).toEqual([attempt]);
  });
});
