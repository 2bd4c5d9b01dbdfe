/**
 * A workshop session on the projector (course brief §9: teams play a scenario projected, voting at
 * each decision). For each scenario run in the room: the decisions taken, with the room's votes per
 * move, the move the room continued with, and the ending; and the room's votes on knowledge checks.
 * Pure data and functions, no Astro, Preact or DOM: the store persists a session with
 * `encodeSession`/`decodeSession`, the projector island renders it. Runs go through the scenario
 * engine, so a room's run behaves exactly like a learner's.
 */
import type { Question } from '../../schemas/question';
import type { Scenario, ScenarioNode } from '../../schemas/scenario';
import { choose, nodeOf, replay, type RunState } from '../scenario/engine';

/** Version of the stored session shape. Bump it and migrate in `decodeSession` when it changes. */
export const SESSION_VERSION = 1;
/** More votes than any room casts: a number above it is a typing slip. */
export const MAX_VOTES = 9999;
/** Runs kept in one session; older ones are dropped when a new run starts. */
export const MAX_RUNS = 30;

/** Votes by choice id (a scenario move) or option id (a question's option): whole numbers, 0 or more. */
export type Votes = Record<string, number>;

/** One decision of a run. Only the last decision of a run may be still open (no `choice` yet). */
export interface Decision {
  /** The scenario node (decision point). */
  node: string;
  /** The room's votes, by choice id. */
  votes: Votes;
  /** The move the room continued with; absent while the room is still voting. */
  choice?: string;
}

/** One play of a scenario by the room. */
export interface ScenarioRun {
  /** Unique within the session: `run-1`, `run-2`… */
  id: string;
  /** The scenario's id (its file name in content/scenarios/). */
  scenario: string;
  decisions: Decision[];
  /** The ending's id, once the run has ended (chosen by the engine). */
  ending?: string;
  startedAt: string;
}

/** The room's votes on one knowledge check. */
export interface CheckTally {
  /** The lesson the check belongs to. */
  lesson: string;
  question: string;
  votes: Votes;
  /** Whether the answer has been shown to the room. */
  revealed: boolean;
}

/** What the projector shows, kept so that a reload resumes on the same screen. */
export type Screen =
  | { kind: 'choose' }
  | { kind: 'scenario'; run: string; showing: 'decision' | 'consequence' }
  | { kind: 'checks'; lesson: string; index: number }
  | { kind: 'summary' };

export interface Session {
  version: typeof SESSION_VERSION;
  screen: Screen;
  runs: ScenarioRun[];
  checks: CheckTally[];
}

export interface Problem {
  code: 'not-json' | 'wrong-shape' | 'future-version' | 'invalid-part';
  message: string;
}

export type TallyResult = { ok: true; session: Session } | { ok: false; problems: string[] };

export function emptySession(): Session {
  return { version: SESSION_VERSION, screen: { kind: 'choose' }, runs: [], checks: [] };
}

const LETTERS = 'ABCDEFGH';

/** A, B, C… for the moves and options, in the order the data lists them. */
export function letter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

export function isVoteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_VOTES;
}

export type VoteInput = { ok: true; value: number } | { ok: false; message: string };

/** Reads what the facilitator typed in a vote box. A blank box is no votes. */
export function parseVoteCount(text: string): VoteInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: 0 };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of votes: 0 or more.' };
  const value = Number(trimmed);
  if (value > MAX_VOTES) return { ok: false, message: `Enter at most ${MAX_VOTES} votes.` };
  return { ok: true, value };
}

/** What is wrong with a tally for the given choices; empty when it is valid. */
export function voteProblems(votes: Readonly<Record<string, unknown>>, choiceIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [id, count] of Object.entries(votes)) {
    if (!choiceIds.includes(id)) problems.push(`"${id}" is not one of the choices (${choiceIds.join(', ')}).`);
    else if (!isVoteCount(count)) problems.push(`The votes for "${id}" must be a whole number from 0 to ${MAX_VOTES} (got ${String(count)}).`);
  }
  return problems;
}

/** Every choice with its count (0 when missing), in the given order. */
function normalise(votes: Readonly<Votes>, choiceIds: readonly string[]): Votes {
  return Object.fromEntries(choiceIds.map((id) => [id, votes[id] ?? 0]));
}

export function totalVotes(votes: Readonly<Votes>): number {
  return Object.values(votes).reduce((sum, n) => sum + n, 0);
}

/**
 * The room's choice: the move with the most votes (a plurality: it need not be more than half).
 * With a tie for the most votes, or no votes at all, the room has no choice and the trainer chooses.
 */
export type RoomChoice =
  | { kind: 'majority'; choice: string; votes: number; total: number }
  | { kind: 'tie'; tied: string[]; votes: number; total: number }
  | { kind: 'no-votes'; total: 0 };

export function roomChoice(votes: Readonly<Votes>, choiceIds: readonly string[]): RoomChoice {
  const counts = normalise(votes, choiceIds);
  const total = totalVotes(counts);
  if (total === 0) return { kind: 'no-votes', total: 0 };
  const top = Math.max(...Object.values(counts));
  const tied = choiceIds.filter((id) => counts[id] === top);
  const [only] = tied;
  return tied.length === 1 && only !== undefined ? { kind: 'majority', choice: only, votes: top, total } : { kind: 'tie', tied, votes: top, total };
}

/** "A 3, B 7, C 2, D 1": the tally in words, for the chart's name and the announcements. */
export function tallyText(votes: Readonly<Votes>, choiceIds: readonly string[]): string {
  return choiceIds.map((id, i) => `${letter(i)} ${votes[id] ?? 0}`).join(', ');
}

function listLetters(letters: string[]): string {
  return letters.length <= 1 ? (letters[0] ?? '') : `${letters.slice(0, -1).join(', ')} and ${letters.at(-1)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One sentence on the room's choice, naming moves by letter. */
export function roomChoiceText(room: RoomChoice, choiceIds: readonly string[]): string {
  const letterOf = (id: string) => letter(choiceIds.indexOf(id));
  if (room.kind === 'no-votes') return 'No votes yet.';
  if (room.kind === 'tie') return `Tie: ${listLetters(room.tied.map(letterOf))} have ${plural(room.votes, 'vote')} each, out of ${room.total}.`;
  return `Most votes: ${letterOf(room.choice)}, with ${room.votes} of ${room.total}.`;
}

// ——— Scenario runs ———

export function findRun(session: Session, runId: string): ScenarioRun | undefined {
  return session.runs.find((r) => r.id === runId);
}

/** The moves the room has taken, in order: the run's path for the engine. */
export function runPath(run: ScenarioRun): string[] {
  return run.decisions.flatMap((d) => (d.choice === undefined ? [] : [d.choice]));
}

/** The engine's state after the room's moves (replayed, so it always matches the content). */
export function runState(scenario: Scenario, run: ScenarioRun): RunState {
  return replay(scenario, runPath(run));
}

/** The votes entered so far at the decision the run is at; empty when none. */
export function openVotes(run: ScenarioRun, node: string | undefined): Votes {
  const last = run.decisions.at(-1);
  return last && last.choice === undefined && last.node === node ? last.votes : {};
}

/** Starts a new run of a scenario and shows it. */
export function startRun(session: Session, scenarioId: string, now: string): Session {
  const numbers = session.runs.map((r) => Number(/^run-(\d+)$/.exec(r.id)?.[1] ?? 0));
  const id = `run-${Math.max(0, ...numbers) + 1}`;
  const run: ScenarioRun = { id, scenario: scenarioId, decisions: [], startedAt: now };
  return { ...session, runs: [...session.runs, run].slice(-MAX_RUNS), screen: { kind: 'scenario', run: id, showing: 'decision' } };
}

function replaceRun(session: Session, run: ScenarioRun): Session {
  return { ...session, runs: session.runs.map((r) => (r.id === run.id ? run : r)) };
}

/** The decision the run is at, or undefined when it has ended (or its run is unknown). */
export function currentNode(scenario: Scenario, run: ScenarioRun): ScenarioNode | undefined {
  const state = runState(scenario, run);
  return state.ending ? undefined : nodeOf(scenario, state.node);
}

/**
 * Records the room's votes at the run's current decision, replacing what was entered before.
 * Counts must be whole numbers from 0 to MAX_VOTES, for the decision's moves only.
 */
export function recordTally(session: Session, scenario: Scenario, runId: string, votes: Readonly<Record<string, unknown>>): TallyResult {
  const run = findRun(session, runId);
  if (!run) return { ok: false, problems: [`There is no run "${runId}" in this session.`] };
  const state = runState(scenario, run);
  const node = state.ending ? undefined : nodeOf(scenario, state.node);
  if (!node) return { ok: false, problems: ['This run has ended: there is no decision to vote on.'] };
  const choiceIds = node.choices.map((c) => c.id);
  const problems = voteProblems(votes, choiceIds);
  if (problems.length > 0) return { ok: false, problems };
  const decided = run.decisions.slice(0, state.steps.length);
  const decision: Decision = { node: node.id, votes: normalise(votes as Votes, choiceIds) };
  return { ok: true, session: replaceRun(session, { ...run, decisions: [...decided, decision] }) };
}

/**
 * The room continues with a move at the run's current decision (the room's choice or the
 * trainer's): the engine applies it, the votes stay with the decision, and the projector shows
 * the consequence. An unknown move, or a run that has ended, changes nothing.
 */
export function decide(session: Session, scenario: Scenario, runId: string, choiceId: string): Session {
  const run = findRun(session, runId);
  if (!run) return session;
  const state = runState(scenario, run);
  const node = state.ending ? undefined : nodeOf(scenario, state.node);
  if (!node) return session;
  const next = choose(scenario, state, choiceId);
  if (next === state) return session;
  const choiceIds = node.choices.map((c) => c.id);
  const decision: Decision = { node: node.id, votes: normalise(openVotes(run, node.id), choiceIds), choice: choiceId };
  const updated: ScenarioRun = { ...run, decisions: [...run.decisions.slice(0, state.steps.length), decision] };
  if (next.ending) updated.ending = next.ending;
  else delete updated.ending;
  return { ...replaceRun(session, updated), screen: { kind: 'scenario', run: run.id, showing: 'consequence' } };
}

export function showScreen(session: Session, screen: Screen): Session {
  return { ...session, screen };
}

// ——— Knowledge checks ———

export function findCheck(session: Session, questionId: string): CheckTally | undefined {
  return session.checks.find((c) => c.question === questionId);
}

function putCheck(session: Session, tally: CheckTally): Session {
  const others = session.checks.filter((c) => c.question !== tally.question);
  return { ...session, checks: [...others, tally] };
}

/** The options a room votes on: a classification question has none (the room sorts aloud). */
export function optionIds(question: Question): string[] {
  return question.kind === 'classify' ? [] : question.options.map((o) => o.id);
}

/** Records the room's votes on a knowledge check's options. */
export function recordCheckTally(session: Session, lesson: string, question: Question, votes: Readonly<Record<string, unknown>>): TallyResult {
  const ids = optionIds(question);
  if (ids.length === 0) return { ok: false, problems: [`Question "${question.id}" sorts items into categories: there are no options to vote on.`] };
  const problems = voteProblems(votes, ids);
  if (problems.length > 0) return { ok: false, problems };
  const revealed = findCheck(session, question.id)?.revealed ?? false;
  return { ok: true, session: putCheck(session, { lesson, question: question.id, votes: normalise(votes as Votes, ids), revealed }) };
}

export function revealCheck(session: Session, lesson: string, questionId: string): Session {
  const current = findCheck(session, questionId);
  return putCheck(session, { lesson, question: questionId, votes: current?.votes ?? {}, revealed: true });
}

// ——— Summary and export ———

export interface OptionSummary {
  id: string;
  letter: string;
  text: string;
  votes: number;
}

export interface DecisionSummary {
  /** 1 for the run's first decision. */
  number: number;
  node: string;
  title: string;
  moves: (OptionSummary & { chosen: boolean })[];
  total: number;
  room: RoomChoice;
  /** The move the room continued with. */
  choice: string;
  /**
   * `majority`: the room continued with the most votes. `tie`, `no-votes`: nothing had the most
   * votes, so the trainer chose. `override`: the trainer chose another move than the most votes.
   */
  decidedBy: 'majority' | 'tie' | 'no-votes' | 'override';
  /** Whether the trainer overrode the room's majority. */
  overridden: boolean;
}

export interface RunSummary {
  id: string;
  /** 1 for the session's first run. */
  number: number;
  scenario: string;
  title: string;
  /** Decisions the room has taken; the one still being voted on is left out. */
  decisions: DecisionSummary[];
  ending?: { id: string; title: string; text: string };
}

export interface CheckSummary {
  question: string;
  lesson: string;
  lessonTitle: string;
  prompt: string;
  options: (OptionSummary & { correct: boolean })[];
  total: number;
  revealed: boolean;
}

export interface SessionSummary {
  runs: RunSummary[];
  checks: CheckSummary[];
}

/** The course content a summary names things from. */
export interface SummaryContent {
  scenarios: Readonly<Record<string, Scenario>>;
  /** By question id, with the title of the lesson it belongs to. */
  questions: Readonly<Record<string, { question: Question; lessonTitle: string }>>;
}

function summariseDecision(node: ScenarioNode, decision: Decision & { choice: string }, number: number): DecisionSummary {
  const ids = node.choices.map((c) => c.id);
  const room = roomChoice(decision.votes, ids);
  const overridden = room.kind === 'majority' && room.choice !== decision.choice;
  return {
    number,
    node: node.id,
    title: node.title,
    moves: node.choices.map((c, i) => ({ id: c.id, letter: letter(i), text: c.text, votes: decision.votes[c.id] ?? 0, chosen: c.id === decision.choice })),
    total: totalVotes(normalise(decision.votes, ids)),
    room,
    choice: decision.choice,
    decidedBy: room.kind === 'majority' ? (overridden ? 'override' : 'majority') : room.kind,
    overridden,
  };
}

/**
 * The session as the room played it: every run with its decided decisions (votes, the room's
 * choice, overrides) and its ending; every knowledge check the room voted on or saw answered.
 * Runs of scenarios that are no longer in the course are left out.
 */
export function summarise(session: Session, content: SummaryContent): SessionSummary {
  const runs: RunSummary[] = [];
  session.runs.forEach((run, index) => {
    const scenario = content.scenarios[run.scenario];
    if (!scenario) return;
    const state = runState(scenario, run);
    const decisions = state.steps.map((step, i) => {
      const node = nodeOf(scenario, step.node) as ScenarioNode;
      const stored = run.decisions[i];
      return summariseDecision(node, { node: step.node, votes: stored?.votes ?? {}, choice: step.choice }, i + 1);
    });
    const ending = state.ending ? scenario.endings.find((e) => e.id === state.ending) : undefined;
    const summary: RunSummary = { id: run.id, number: index + 1, scenario: run.scenario, title: scenario.title, decisions };
    if (ending) summary.ending = { id: ending.id, title: ending.title, text: ending.text };
    runs.push(summary);
  });
  const checks: CheckSummary[] = [];
  for (const tally of session.checks) {
    const found = content.questions[tally.question];
    if (!found) continue;
    const { question, lessonTitle } = found;
    const options = question.kind === 'classify' ? [] : question.options.map((o, i) => ({ id: o.id, letter: letter(i), text: o.text, votes: tally.votes[o.id] ?? 0, correct: o.correct }));
    checks.push({ question: question.id, lesson: tally.lesson, lessonTitle, prompt: question.prompt, options, total: options.reduce((s, o) => s + o.votes, 0), revealed: tally.revealed });
  }
  return { runs, checks };
}

function decidedByText(d: DecisionSummary): string {
  const letterOf = (id: string) => d.moves.find((m) => m.id === id)?.letter ?? id;
  switch (d.decidedBy) {
    case 'majority':
      return 'the room’s choice (most votes)';
    case 'tie':
      return 'the trainer’s choice (tie)';
    case 'no-votes':
      return 'the trainer’s choice (no votes)';
    case 'override':
      return `the trainer’s choice, overriding the majority (${d.room.kind === 'majority' ? letterOf(d.room.choice) : ''})`;
  }
}

/** One sentence on how the room continued at a decision, for the summary on screen and in files. */
export function decisionText(d: DecisionSummary): string {
  const chosen = d.moves.find((m) => m.chosen);
  return `Continued with ${chosen?.letter ?? d.choice} (${plural(chosen?.votes ?? 0, 'vote')} of ${d.total}): ${decidedByText(d)}.`;
}

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function row(cells: (string | number)[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

export function summaryToMarkdown(summary: SessionSummary, courseTitle: string, now: string): string {
  const lines = [`# Workshop session: ${courseTitle}`, '', `Exported ${now.slice(0, 10)}.`, ''];
  if (summary.runs.length === 0 && summary.checks.length === 0) lines.push('Nothing was recorded in this session.', '');
  for (const run of summary.runs) {
    lines.push(`## Run ${run.number}: ${run.title}`, '');
    lines.push(run.ending ? `**Ending:** ${run.ending.title}. ${run.ending.text}` : '**Ending:** not reached yet.', '');
    for (const d of run.decisions) {
      lines.push(`### Decision ${d.number}: ${d.title}`, '', '| Move | Votes | Room |', '|---|---:|---|');
      for (const m of d.moves) lines.push(row([`${m.letter}. ${cell(m.text)}`, m.votes, m.chosen ? 'continued with this' : '']));
      lines.push('', `${decisionText(d)}${d.overridden ? ' **Override.**' : ''}`, '');
    }
  }
  if (summary.checks.length > 0) {
    lines.push('## Knowledge checks', '');
    for (const c of summary.checks) {
      lines.push(`### ${cell(c.prompt)}`, '', `From “${c.lessonTitle}”.${c.revealed ? ' The answer was revealed.' : ''}`, '');
      if (c.options.length > 0) {
        lines.push('| Option | Votes | Correct |', '|---|---:|---|');
        for (const o of c.options) lines.push(row([`${o.letter}. ${cell(o.text)}`, o.votes, o.correct ? 'yes' : '']));
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}

/**
 * A CSV field: quoted when needed (RFC 4180). A field a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['kind', 'run', 'title', 'number', 'item', 'option', 'option_text', 'votes', 'total_votes', 'chosen', 'decided_by', 'overridden', 'correct', 'ending'] as const;

/**
 * One row per move of every decision (kind `scenario`) and per option of every knowledge check
 * (kind `check`), so that a spreadsheet can sum and chart the votes.
 */
export function summaryToCsv(summary: SessionSummary): string {
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]];
  for (const run of summary.runs) {
    for (const d of run.decisions) {
      for (const m of d.moves) {
        rows.push(['scenario', run.number, run.title, d.number, d.title, m.letter, m.text, m.votes, d.total, m.chosen ? 'yes' : 'no', d.decidedBy, d.overridden ? 'yes' : 'no', '', run.ending?.title ?? '']);
      }
    }
  }
  summary.checks.forEach((c, i) => {
    for (const o of c.options) {
      rows.push(['check', '', c.lessonTitle, i + 1, c.prompt, o.letter, o.text, o.votes, c.total, '', '', '', o.correct ? 'yes' : 'no', '']);
    }
  });
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// ——— Storage codec ———

const ID = /^[A-Za-z0-9_-]{1,80}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

function readVotes(value: unknown): Votes | undefined {
  if (!isRecord(value)) return undefined;
  const votes: Votes = {};
  for (const [id, count] of Object.entries(value)) {
    if (!ID.test(id) || !isVoteCount(count)) return undefined;
    votes[id] = count;
  }
  return votes;
}

function readRun(value: unknown): ScenarioRun | undefined {
  if (!isRecord(value) || !isId(value['id']) || !isId(value['scenario']) || typeof value['startedAt'] !== 'string' || value['startedAt'].length > 40) return undefined;
  if (!Array.isArray(value['decisions']) || value['decisions'].length > 100) return undefined;
  const decisions: Decision[] = [];
  for (const [i, raw] of value['decisions'].entries()) {
    if (!isRecord(raw) || !isId(raw['node'])) return undefined;
    const votes = readVotes(raw['votes']);
    if (!votes) return undefined;
    const decision: Decision = { node: raw['node'], votes };
    if (raw['choice'] !== undefined) {
      if (!isId(raw['choice'])) return undefined;
      decision.choice = raw['choice'];
    } else if (i !== value['decisions'].length - 1) {
      return undefined;
    }
    decisions.push(decision);
  }
  const run: ScenarioRun = { id: value['id'], scenario: value['scenario'], decisions, startedAt: value['startedAt'] };
  if (value['ending'] !== undefined) {
    if (!isId(value['ending'])) return undefined;
    run.ending = value['ending'];
  }
  return run;
}

function readCheck(value: unknown): CheckTally | undefined {
  if (!isRecord(value) || !isId(value['lesson']) || !isId(value['question']) || typeof value['revealed'] !== 'boolean') return undefined;
  const votes = readVotes(value['votes']);
  return votes ? { lesson: value['lesson'], question: value['question'], votes, revealed: value['revealed'] } : undefined;
}

function readScreen(value: unknown, runs: readonly ScenarioRun[]): Screen {
  if (!isRecord(value)) return { kind: 'choose' };
  if (value['kind'] === 'summary') return { kind: 'summary' };
  if (value['kind'] === 'scenario' && isId(value['run']) && runs.some((r) => r.id === value['run'])) {
    return { kind: 'scenario', run: value['run'], showing: value['showing'] === 'consequence' ? 'consequence' : 'decision' };
  }
  if (value['kind'] === 'checks' && isId(value['lesson']) && typeof value['index'] === 'number' && Number.isInteger(value['index']) && value['index'] >= 0) {
    return { kind: 'checks', lesson: value['lesson'], index: value['index'] };
  }
  return { kind: 'choose' };
}

export function encodeSession(session: Session): string {
  return JSON.stringify(session);
}

/**
 * Reads a stored session. Never throws: nothing stored gives an empty session; text that is not
 * a session (damaged, another app's, a newer version) gives an empty session and a problem; a run
 * or a check that is damaged is left out, with a problem, and the rest is kept.
 */
export function decodeSession(raw: string | null | undefined): { session: Session; problems: Problem[] } {
  if (raw === null || raw === undefined || raw === '') return { session: emptySession(), problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { session: emptySession(), problems: [{ code: 'not-json', message: 'The saved workshop session was damaged and could not be read.' }] };
  }
  if (!isRecord(data) || typeof data['version'] !== 'number') {
    return { session: emptySession(), problems: [{ code: 'wrong-shape', message: 'The saved data is not a workshop session.' }] };
  }
  if (data['version'] !== SESSION_VERSION) {
    return {
      session: emptySession(),
      problems: [{ code: 'future-version', message: `The saved workshop session comes from another version of the course (version ${data['version']}) and could not be read.` }],
    };
  }
  const problems: Problem[] = [];
  const runs: ScenarioRun[] = [];
  const checks: CheckTally[] = [];
  let dropped = 0;
  if (Array.isArray(data['runs'])) {
    for (const value of data['runs'].slice(-MAX_RUNS)) {
      const run = readRun(value);
      if (run && !runs.some((r) => r.id === run.id)) runs.push(run);
      else dropped++;
    }
  } else if (data['runs'] !== undefined) dropped++;
  if (Array.isArray(data['checks'])) {
    for (const value of data['checks'].slice(0, 500)) {
      const check = readCheck(value);
      if (check && !checks.some((c) => c.question === check.question)) checks.push(check);
      else dropped++;
    }
  } else if (data['checks'] !== undefined) dropped++;
  if (dropped > 0) problems.push({ code: 'invalid-part', message: `${plural(dropped, 'part')} of the saved workshop session could not be read and ${dropped === 1 ? 'was' : 'were'} left out.` });
  return { session: { version: SESSION_VERSION, screen: readScreen(data['screen'], runs), runs, checks }, problems };
}
