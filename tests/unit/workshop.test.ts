import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../../src/schemas/question';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario';
import { parseWorkshop, WorkshopFileError } from '../../src/schemas/workshop';
import {
  CSV_COLUMNS,
  MAX_VOTES,
  csvField,
  decide,
  decisionText,
  decodeSession,
  emptySession,
  encodeSession,
  letter,
  openVotes,
  parseVoteCount,
  recordCheckTally,
  recordTally,
  revealCheck,
  roomChoice,
  roomChoiceText,
  runState,
  startRun,
  summarise,
  summaryToCsv,
  summaryToMarkdown,
  tallyText,
  voteProblems,
  type Session,
} from '../../src/lib/workshop/tally';
import {
  decodeTimer,
  elapsedMs,
  encodeTimer,
  formatClock,
  formatOffset,
  initialTimer,
  isTimeUp,
  nextSegment,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  schedule,
  segmentIndex,
  setSound,
  spokenRemaining,
  startTimer,
} from '../../src/lib/workshop/timer';
// The facilitator guide's agenda (src/lib/workshop.ts, a file beside the folder of the same name).
import { HALF_DAY } from '../../src/lib/workshop/agenda';

const move = (id: string, process: string, effects: Record<string, number>, next: string) => ({
  id, text: `Move ${id}`, process, consequence: `Consequence of ${id}.`, effects, why: `Because of ${id}.`, next,
});

const scenario: Scenario = scenarioSchema.parse({
  title: 'Test incident', summary: 'A small scenario for tests.', role: 'Manager.', setup: 'A fictional plant; people are invented.', lesson: 'l',
  meters: [{ id: 'trust', label: 'Trust', start: 5, description: 'How much people trust you.' }],
  start: 'n1',
  nodes: [
    { id: 'n1', title: 'First', text: 'Something happens.', choices: [
      move('tell', 'decide', { trust: -1 }, 'n2'),
      move('hand', 'delegate', { trust: 1 }, 'n2'),
      move('share', 'facilitate', { trust: 2 }, 'n2'),
      move('ask', 'convene', {}, 'n2'),
    ] },
    { id: 'n2', title: 'Second', text: 'Then this | that.', choices: [
      move('tell', 'decide', { trust: -2 }, 'end'),
      move('share', 'facilitate', { trust: 3 }, 'end'),
      move('wait', 'step-back', { trust: -4 }, 'end'),
    ] },
  ],
  endings: [
    { id: 'trusted', title: 'Trusted', text: 'Trust is high.', when: { all: [{ meter: 'trust', min: 8 }] } },
    { id: 'ordinary', title: 'Ordinary', text: 'Nothing remarkable.', fallback: true },
  ],
  debrief: ['What would you do differently?'],
});

const question: Question = questionSchema.parse({
  id: 'q-one', objective: 'o', use: 'check', kind: 'single', prompt: 'Which one?', explanation: 'Because the second is right.',
  options: [
    { id: 'a', text: 'First', feedback: 'No.' },
    { id: 'b', text: '=Second, "quoted"', correct: true, feedback: 'Yes.' },
    { id: 'c', text: 'Third', feedback: 'No.' },
  ],
});
const classify: Question = questionSchema.parse({
  id: 'q-sort', objective: 'o', use: 'check', kind: 'classify', prompt: 'Sort these.', explanation: 'Because of the categories.',
  categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
  items: ['i1', 'i2', 'i3', 'i4'].map((id, i) => ({ id, text: `Item ${id}`, category: i % 2 ? 'x' : 'y' })),
});

const NOW = '2025-03-04T09:00:00.000Z';
const content = { scenarios: { test: scenario }, questions: { 'q-one': { question, lessonTitle: 'Lesson one' }, 'q-sort': { question: classify, lessonTitle: 'Lesson one' } } };

function ok(result: ReturnType<typeof recordTally>): Session {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.session;
}

describe('votes', () => {
  it('reads what the facilitator types: blank is 0, only whole numbers from 0', () => {
    expect(parseVoteCount('')).toEqual({ ok: true, value: 0 });
    expect(parseVoteCount(' 7 ')).toEqual({ ok: true, value: 7 });
    expect(parseVoteCount('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-1', '2.5', 'abc', '1e3', '3 4']) expect(parseVoteCount(bad).ok, bad).toBe(false);
    expect(parseVoteCount(String(MAX_VOTES + 1))).toEqual({ ok: false, message: `Enter at most ${MAX_VOTES} votes.` });
  });

  it('validates a tally: known choices, non-negative integers', () => {
    expect(voteProblems({ a: 1, b: 0 }, ['a', 'b'])).toEqual([]);
    expect(voteProblems({ z: 1 }, ['a', 'b'])[0]).toMatch(/"z" is not one of the choices/);
    for (const bad of [-1, 1.5, Number.NaN, '3', null, MAX_VOTES + 1]) expect(voteProblems({ a: bad }, ['a']), String(bad)).toHaveLength(1);
  });

  it('picks the room’s choice: the most votes; a tie or no votes leave it to the trainer', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(roomChoice({ a: 3, b: 7, c: 2, d: 1 }, ids)).toEqual({ kind: 'majority', choice: 'b', votes: 7, total: 13 });
    // A plurality is enough: 4 of 10 is not more than half, but it is the most.
    expect(roomChoice({ a: 4, b: 3, c: 3 }, ids)).toMatchObject({ kind: 'majority', choice: 'a' });
    expect(roomChoice({ a: 4, b: 4, c: 1 }, ids)).toEqual({ kind: 'tie', tied: ['a', 'b'], votes: 4, total: 9 });
    expect(roomChoice({}, ids)).toEqual({ kind: 'no-votes', total: 0 });
    expect(roomChoice({ a: 0, b: 0 }, ids)).toEqual({ kind: 'no-votes', total: 0 });
    // Votes for a choice not offered do not count.
    expect(roomChoice({ a: 1, z: 9 }, ids)).toMatchObject({ kind: 'majority', choice: 'a', total: 1 });
  });

  it('says the tally and the room’s choice in words, by letter', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(letter(0)).toBe('A');
    expect(letter(3)).toBe('D');
    expect(tallyText({ a: 3, b: 7, c: 2 }, ids)).toBe('A 3, B 7, C 2, D 0');
    expect(roomChoiceText(roomChoice({ a: 3, b: 7, c: 2, d: 1 }, ids), ids)).toBe('Most votes: B, with 7 of 13.');
    expect(roomChoiceText(roomChoice({ a: 4, b: 4, d: 4 }, ids), ids)).toBe('Tie: A, B and D have 4 votes each, out of 12.');
    expect(roomChoiceText(roomChoice({ a: 1, c: 1 }, ids), ids)).toBe('Tie: A and C have 1 vote each, out of 2.');
    expect(roomChoiceText(roomChoice({}, ids), ids)).toBe('No votes yet.');
  });
});

describe('a scenario run in the room', () => {
  it('starts a run and shows it; run ids stay unique', () => {
    const one = startRun(emptySession(), 'test', NOW);
    expect(one.runs).toEqual([{ id: 'run-1', scenario: 'test', decisions: [], startedAt: NOW }]);
    expect(one.screen).toEqual({ kind: 'scenario', run: 'run-1', showing: 'decision' });
    expect(startRun(one, 'test', NOW).runs.map((r) => r.id)).toEqual(['run-1', 'run-2']);
  });

  it('records a tally at the current decision, replacing the previous one, and validates it', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7, share: 2, ask: 1 }));
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 8 }));
    expect(s.runs[0]?.decisions).toEqual([{ node: 'n1', votes: { tell: 3, hand: 8, share: 0, ask: 0 } }]);
    expect(openVotes(s.runs[0]!, 'n1')).toEqual({ tell: 3, hand: 8, share: 0, ask: 0 });
    expect(openVotes(s.runs[0]!, 'n2')).toEqual({});

    expect(recordTally(s, scenario, 'run-1', { tell: -1 })).toMatchObject({ ok: false });
    expect(recordTally(s, scenario, 'run-1', { wait: 1 })).toMatchObject({ ok: false });
    expect(recordTally(s, scenario, 'run-9', { tell: 1 })).toEqual({ ok: false, problems: ['There is no run "run-9" in this session.'] });
  });

  it('continues with a move through the engine, keeping the votes, and shows the consequence', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7, share: 2, ask: 1 }));
    s = decide(s, scenario, 'run-1', 'hand');
    expect(s.runs[0]?.decisions).toEqual([{ node: 'n1', votes: { tell: 3, hand: 7, share: 2, ask: 1 }, choice: 'hand' }]);
    expect(s.screen).toEqual({ kind: 'scenario', run: 'run-1', showing: 'consequence' });
    expect(runState(scenario, s.runs[0]!)).toMatchObject({ node: 'n2', meters: { trust: 6 } });

    // A move that is not offered at this decision changes nothing.
    expect(decide(s, scenario, 'run-1', 'hand')).toBe(s);
    expect(decide(s, scenario, 'run-9', 'tell')).toBe(s);

    // Without votes, the trainer may still continue; the decision records no votes.
    s = decide(s, scenario, 'run-1', 'share');
    expect(s.runs[0]?.decisions[1]).toEqual({ node: 'n2', votes: { tell: 0, share: 0, wait: 0 }, choice: 'share' });
    expect(s.runs[0]?.ending).toBe('trusted');
    // An ended run takes no more votes or moves.
    expect(recordTally(s, scenario, 'run-1', { tell: 1 })).toMatchObject({ ok: false });
    expect(decide(s, scenario, 'run-1', 'tell')).toBe(s);
  });

  it('summarises the session: votes, room’s choice, trainer’s choices and overrides, the ending', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7, share: 2, ask: 1 }));
    s = decide(s, scenario, 'run-1', 'tell'); // override: B had the most votes
    s = ok(recordTally(s, scenario, 'run-1', { tell: 4, share: 4 }));
    s = decide(s, scenario, 'run-1', 'share'); // tie: the trainer chose
    s = startRun(s, 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-2', { share: 5, ask: 1 }));
    s = decide(s, scenario, 'run-2', 'share'); // majority
    s = ok(recordTally(s, scenario, 'run-2', { wait: 2 })); // still voting: not in the summary
    s = startRun(s, 'gone', NOW); // a scenario no longer in the course
    const summary = summarise(s, content);

    expect(summary.runs.map((r) => [r.number, r.title, r.ending?.id, r.decisions.length])).toEqual([[1, 'Test incident', 'ordinary', 2], [2, 'Test incident', undefined, 1]]);
    const [d1, d2] = summary.runs[0]!.decisions;
    expect(d1).toMatchObject({ number: 1, title: 'First', total: 13, choice: 'tell', decidedBy: 'override', overridden: true, room: { kind: 'majority', choice: 'hand' } });
    expect(d1?.moves.map((m) => [m.letter, m.votes, m.chosen])).toEqual([['A', 3, true], ['B', 7, false], ['C', 2, false], ['D', 1, false]]);
    expect(decisionText(d1!)).toBe('Continued with A (3 votes of 13): the trainer’s choice, overriding the majority (B).');
    expect(d2).toMatchObject({ decidedBy: 'tie', overridden: false, choice: 'share' });
    expect(decisionText(d2!)).toBe('Continued with B (4 votes of 8): the trainer’s choice (tie).');
    const r2 = summary.runs[1]!.decisions[0]!;
    expect(r2).toMatchObject({ decidedBy: 'majority', overridden: false });
    expect(decisionText(r2)).toBe('Continued with C (5 votes of 6): the room’s choice (most votes).');
  });

  it('exports the summary as Markdown with the tallies', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7, share: 2, ask: 1 }));
    s = decide(s, scenario, 'run-1', 'hand');
    s = decide(s, scenario, 'run-1', 'share');
    const md = summaryToMarkdown(summarise(s, content), 'Leading Together', NOW);
    expect(md).toContain('# Workshop session: Leading Together');
    expect(md).toContain('Exported 2025-03-04.');
    expect(md).toContain('## Run 1: Test incident');
    expect(md).toContain('**Ending:** Trusted. Trust is high.');
    expect(md).toContain('### Decision 1: First');
    expect(md).toContain('| A. Move tell | 3 | |');
    expect(md).toContain('| B. Move hand | 7 | continued with this |');
    expect(md).toContain('Continued with B (7 votes of 13): the room’s choice (most votes).');
    expect(md).toContain('Continued with B (0 votes of 0): the trainer’s choice (no votes).');
    expect(summaryToMarkdown(summarise(emptySession(), content), 'T', NOW)).toContain('Nothing was recorded in this session.');
  });

  it('exports the summary as CSV: a row per move, quoted and safe for spreadsheets', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7, share: 2, ask: 1 }));
    s = decide(s, scenario, 'run-1', 'tell');
    s = ok(recordCheckTally(s, 'lesson-one', question, { a: 1, b: 5 }));
    const csv = summaryToCsv(summarise(s, content));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 4 + 3);
    expect(lines[1]).toBe('scenario,1,Test incident,1,First,A,Move tell,3,13,yes,override,yes,,');
    expect(lines[2]).toBe('scenario,1,Test incident,1,First,B,Move hand,7,13,no,override,yes,,');
    expect(lines[6]).toBe(`check,,Lesson one,1,Which one?,B,"'=Second, ""quoted""",5,6,,,,yes,`);
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});

describe('knowledge checks in the room', () => {
  it('records votes per option, validates them, and keeps the reveal', () => {
    let s = ok(recordCheckTally(emptySession(), 'lesson-one', question, { a: 2, b: 9 }));
    expect(s.checks).toEqual([{ lesson: 'lesson-one', question: 'q-one', votes: { a: 2, b: 9, c: 0 }, revealed: false }]);
    s = revealCheck(s, 'lesson-one', 'q-one');
    s = ok(recordCheckTally(s, 'lesson-one', question, { a: 3 }));
    expect(s.checks).toEqual([{ lesson: 'lesson-one', question: 'q-one', votes: { a: 3, b: 0, c: 0 }, revealed: true }]);
    expect(recordCheckTally(s, 'lesson-one', question, { d: 1 })).toMatchObject({ ok: false });
    expect(recordCheckTally(s, 'lesson-one', classify, { x: 1 })).toMatchObject({ ok: false });
    // A sorting question can still be revealed, and appears in the summary without options.
    s = revealCheck(s, 'lesson-one', 'q-sort');
    const { checks } = summarise(s, content);
    expect(checks.map((c) => [c.question, c.total, c.revealed, c.options.length])).toEqual([['q-one', 3, true, 3], ['q-sort', 0, true, 0]]);
    expect(checks[0]?.options.map((o) => [o.letter, o.votes, o.correct])).toEqual([['A', 3, false], ['B', 0, true], ['C', 0, false]]);
    expect(summaryToMarkdown(summarise(s, content), 'T', NOW)).toContain('| B. =Second, "quoted" | 0 | yes |');
  });
});

describe('session codec', () => {
  it('round-trips a session', () => {
    let s = startRun(emptySession(), 'test', NOW);
    s = ok(recordTally(s, scenario, 'run-1', { tell: 3, hand: 7 }));
    s = decide(s, scenario, 'run-1', 'hand');
    s = ok(recordTally(s, scenario, 'run-1', { share: 1 }));
    s = revealCheck(s, 'lesson-one', 'q-one');
    expect(decodeSession(encodeSession(s))).toEqual({ session: s, problems: [] });
  });

  it('never throws: nothing stored, damaged text, other data, another version', () => {
    expect(decodeSession(undefined)).toEqual({ session: emptySession(), problems: [] });
    expect(decodeSession(null)).toEqual({ session: emptySession(), problems: [] });
    for (const [raw, code] of [
      ['{"version":1,"runs":[{"id"', 'not-json'],
      ['[1,2,3]', 'wrong-shape'],
      ['{"cart":[1]}', 'wrong-shape'],
      ['"text"', 'wrong-shape'],
      ['null', 'wrong-shape'],
      ['{"version":7,"runs":[]}', 'future-version'],
    ] as const) {
      const result = decodeSession(raw);
      expect(result.session, raw).toEqual(emptySession());
      expect(result.problems.map((p) => p.code), raw).toEqual([code]);
    }
  });

  it('keeps what it can: a damaged run or check is left out, with a problem', () => {
    const good = { id: 'run-1', scenario: 'test', startedAt: NOW, decisions: [{ node: 'n1', votes: { tell: 1 }, choice: 'tell' }, { node: 'n2', votes: {} }] };
    const raw = JSON.stringify({
      version: 1,
      screen: { kind: 'scenario', run: 'run-1', showing: 'consequence' },
      runs: [
        good,
        { ...good, id: 'run-2', decisions: [{ node: 'n1', votes: { tell: -1 } }] },
        { ...good, id: 'run-3', decisions: [{ node: 'n1', votes: {} }, { node: 'n2', votes: {}, choice: 'x' }] },
        { ...good, id: '<script>' },
        'nonsense',
      ],
      checks: [{ lesson: 'l', question: 'q', votes: { a: 2 }, revealed: false }, { lesson: 'l', question: 'q2', votes: { a: 2.5 }, revealed: false }],
    });
    const { session, problems } = decodeSession(raw);
    expect(session.runs).toEqual([good]);
    expect(session.checks).toEqual([{ lesson: 'l', question: 'q', votes: { a: 2 }, revealed: false }]);
    expect(session.screen).toEqual({ kind: 'scenario', run: 'run-1', showing: 'consequence' });
    expect(problems).toEqual([{ code: 'invalid-part', message: '5 parts of the saved workshop session could not be read and were left out.' }]);
  });

  it('falls back to the chooser when the screen names a run that is not there', () => {
    const raw = JSON.stringify({ version: 1, screen: { kind: 'scenario', run: 'run-4' }, runs: [], checks: [] });
    expect(decodeSession(raw)).toEqual({ session: emptySession(), problems: [] });
    expect(decodeSession(JSON.stringify({ version: 1, screen: { kind: 'checks', lesson: 'l', index: 2 } })).session.screen).toEqual({ kind: 'checks', lesson: 'l', index: 2 });
    expect(decodeSession(JSON.stringify({ version: 1, screen: { kind: 'checks', lesson: 'l', index: -1 } })).session.screen).toEqual({ kind: 'choose' });
  });
});

const segments = [
  { title: 'Opening', minutes: 15 },
  { title: 'Labels', minutes: 25 },
  { title: 'Close', minutes: 10 },
];
const T0 = 1_700_000_000_000;
const MIN = 60_000;

describe('timer', () => {
  it('starts, counts down from timestamps, pauses and resumes', () => {
    let t = initialTimer();
    expect(remainingMs(t, segments, T0)).toBe(15 * MIN);
    expect(formatClock(remainingMs(t, segments, T0))).toBe('15:00');
    t = startTimer(t, T0);
    expect(t).toMatchObject({ status: 'running', since: T0, elapsed: 0 });
    expect(formatClock(remainingMs(t, segments, T0 + 65_000))).toBe('13:55');
    t = pauseTimer(t, T0 + 65_000);
    expect(t).toEqual({ version: 1, segment: 0, status: 'paused', elapsed: 65_000, sound: false });
    // Paused: time does not move.
    expect(remainingMs(t, segments, T0 + 10 * MIN)).toBe(15 * MIN - 65_000);
    t = resumeTimer(t, T0 + 10 * MIN);
    expect(elapsedMs(t, T0 + 10 * MIN + 5_000)).toBe(70_000);
    // Actions that do not apply change nothing.
    expect(startTimer(t, T0)).toBe(t);
    expect(resumeTimer(t, T0)).toBe(t);
    expect(pauseTimer(initialTimer(), T0)).toEqual(initialTimer());
  });

  it('stops at zero: time is up, never negative; a clock that goes backwards counts no time', () => {
    const t = startTimer(initialTimer(), T0);
    expect(isTimeUp(t, segments, T0 + 15 * MIN - 1)).toBe(false);
    expect(formatClock(remainingMs(t, segments, T0 + 15 * MIN - 1))).toBe('00:01');
    expect(isTimeUp(t, segments, T0 + 15 * MIN)).toBe(true);
    expect(remainingMs(t, segments, T0 + 20 * MIN)).toBe(0);
    expect(elapsedMs(t, T0 - 5_000)).toBe(0);
  });

  it('moves to the next segment: running keeps running, paused waits; the last has no next', () => {
    const running = nextSegment(startTimer(initialTimer(), T0), segments, T0 + 3 * MIN);
    expect(running).toMatchObject({ segment: 1, status: 'running', elapsed: 0, since: T0 + 3 * MIN });
    expect(formatClock(remainingMs(running, segments, T0 + 4 * MIN))).toBe('24:00');
    const paused = nextSegment(pauseTimer(startTimer(initialTimer(), T0), T0 + MIN), segments, T0 + 2 * MIN);
    expect(paused).toEqual({ version: 1, segment: 1, status: 'ready', elapsed: 0, sound: false });
    const last = { ...initialTimer(), segment: 2 };
    expect(nextSegment(last, segments, T0)).toBe(last);
    expect(segmentIndex({ ...initialTimer(), segment: 9 }, segments)).toBe(2);
  });

  it('resets to the first segment, keeping the sound setting; sound is off by default', () => {
    expect(initialTimer().sound).toBe(false);
    const t = setSound(nextSegment(startTimer(initialTimer(), T0), segments, T0), true);
    expect(resetTimer(t)).toEqual({ ...initialTimer(), sound: true });
  });

  it('speaks only at each whole minute and at zero', () => {
    const spoken = new Set<string>();
    for (let s = 15 * 60; s >= 0; s--) spoken.add(spokenRemaining(s * 1000, 'Opening'));
    expect(spoken.size).toBe(16);
    expect(spokenRemaining(15 * MIN, 'Opening')).toBe('15 minutes left in Opening.');
    expect(spokenRemaining(14 * MIN + 1, 'Opening')).toBe('15 minutes left in Opening.');
    expect(spokenRemaining(14 * MIN, 'Opening')).toBe('14 minutes left in Opening.');
    expect(spokenRemaining(59_000, 'Opening')).toBe('1 minute left in Opening.');
    expect(spokenRemaining(0, 'Opening')).toBe('Time is up for Opening.');
  });

  it('formats the clock and the agenda times', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(90 * MIN)).toBe('90:00');
    expect(formatOffset(65)).toBe('1:05');
    expect(schedule(segments).map((s) => [s.start, s.end])).toEqual([[0, 15], [15, 40], [40, 50]]);
  });

  it('codec: round-trips, and never throws on damaged data', () => {
    const t = pauseTimer(startTimer(setSound(initialTimer(), true), T0), T0 + MIN);
    expect(decodeTimer(encodeTimer(t))).toEqual({ state: t });
    const running = startTimer(initialTimer(), T0);
    expect(decodeTimer(encodeTimer(running))).toEqual({ state: running });
    expect(decodeTimer(undefined)).toEqual({ state: initialTimer() });
    for (const raw of ['{', '[]', '{"version":2}', '{"version":1,"segment":-1,"status":"ready","elapsed":0,"sound":false}', '{"version":1,"segment":0,"status":"running","elapsed":0,"sound":false}', '{"version":1,"segment":0,"status":"flying","elapsed":0,"sound":false}']) {
      const result = decodeTimer(raw);
      expect(result.state, raw).toEqual(initialTimer());
      expect(result.problem, raw).toMatch(/could not be read/);
    }
  });
});

describe('the agenda file', () => {
  const file = 'content/workshop.yaml';
  const data = yaml.load(readFileSync(join(import.meta.dirname, '..', '..', file), 'utf8'));

  it('holds the half-day workshop of the brief: nine segments, 3 h 30 min', () => {
    const workshop = parseWorkshop(data, file);
    expect(workshop.segments).toHaveLength(9);
    expect(workshop.segments.reduce((sum, s) => sum + s.minutes, 0)).toBe(210);
    expect(schedule(workshop.segments).map((s) => `${formatOffset(s.start)}–${formatOffset(s.end)} ${s.title}`)).toContain('1:45–2:25 Branching scenario in teams');
  });

  it('agrees with the facilitator guide’s half-day agenda: same segments, same minutes', () => {
    const workshop = parseWorkshop(data, file);
    expect(schedule(workshop.segments).map((s) => [s.title, s.start, s.end])).toEqual(HALF_DAY.map((s) => [s.title, s.start, s.end]));
  });

  it('fails with the file and the field', () => {
    const broken = { title: 'Workshop', segments: [{ title: 'Opening', minutes: 15 }, { title: 'Labels', minutes: 'twenty' }, { title: 'X', minutes: 0 }] };
    let message = '';
    try {
      parseWorkshop(broken, file);
    } catch (error) {
      expect(error).toBeInstanceOf(WorkshopFileError);
      message = (error as Error).message;
    }
    expect(message).toContain('content/workshop.yaml: field "segments.1.minutes"');
    expect(message).toContain('content/workshop.yaml: field "segments.2.title"');
    expect(message).toContain('content/workshop.yaml: field "segments.2.minutes"');
    expect(() => parseWorkshop(null, file)).toThrow(/content\/workshop.yaml: the file/);
  });
});
