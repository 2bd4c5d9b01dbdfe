/**
 * The scenario engine: pure and deterministic. A run is the list of choice ids taken from the
 * start; everything else (node, meters, flags, ending) is replayed from it, so the same choices
 * always give the same state and saved progress needs only the path.
 */
import type { Condition, Rule, Scenario, ScenarioChoice, ScenarioEnding, ScenarioNode } from '../../schemas/scenario';

export const METER_MIN = 0;
export const METER_MAX = 10;
export const END = 'end';

export interface Step {
  node: string;
  choice: string;
  /** Meter values before and after the choice (after clamping). */
  before: Record<string, number>;
  after: Record<string, number>;
}

export interface RunState {
  meters: Record<string, number>;
  flags: string[];
  /** The current decision, or undefined once the run has ended. */
  node: string | undefined;
  steps: Step[];
  /** Set once the run has ended. */
  ending: string | undefined;
}

export function clamp(value: number): number {
  return Math.min(METER_MAX, Math.max(METER_MIN, value));
}

export function start(scenario: Scenario): RunState {
  return {
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, clamp(m.start)])),
    flags: [],
    node: scenario.start,
    steps: [],
    ending: undefined,
  };
}

export function nodeOf(scenario: Scenario, id: string | undefined): ScenarioNode | undefined {
  return scenario.nodes.find((n) => n.id === id);
}

function holds(condition: Condition, state: Pick<RunState, 'meters' | 'flags'>): boolean {
  if ('flag' in condition) return state.flags.includes(condition.flag) === condition.set;
  const value = state.meters[condition.meter] ?? 0;
  return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
}

export function ruleHolds(rule: Rule, state: Pick<RunState, 'meters' | 'flags'>): boolean {
  const all = (rule.all ?? []).every((c) => holds(c, state));
  const any = rule.any === undefined || rule.any.length === 0 || rule.any.some((c) => holds(c, state));
  return all && any;
}

/** The situation text for the current state: the first variant whose rule holds, else the node's text. */
export function situation(node: ScenarioNode, state: Pick<RunState, 'meters' | 'flags'>): string {
  return node.variants?.find((v) => ruleHolds(v.when, state))?.text ?? node.text;
}

/** The first ending whose rule holds, in order; the fallback otherwise. */
export function selectEnding(scenario: Scenario, state: Pick<RunState, 'meters' | 'flags'>): ScenarioEnding {
  const ending = scenario.endings.find((e) => !e.fallback && e.when && ruleHolds(e.when, state)) ?? scenario.endings.find((e) => e.fallback);
  if (!ending) throw new Error(`scenario "${scenario.title}" has no fallback ending`);
  return ending;
}

/** Applies one choice; returns the same state when the choice is not available here. */
export function choose(scenario: Scenario, state: RunState, choiceId: string): RunState {
  const node = nodeOf(scenario, state.node);
  const choice: ScenarioChoice | undefined = node?.choices.find((c) => c.id === choiceId);
  if (!node || !choice) return state;
  const meters = { ...state.meters };
  for (const [meter, delta] of Object.entries(choice.effects)) {
    if (meter in meters) meters[meter] = clamp((meters[meter] ?? 0) + delta);
  }
  const flags = [...new Set([...state.flags, ...(choice.flags ?? [])])];
  const step: Step = { node: node.id, choice: choice.id, before: state.meters, after: meters };
  const next: RunState = { meters, flags, node: choice.next === END ? undefined : choice.next, steps: [...state.steps, step], ending: undefined };
  if (next.node === undefined) next.ending = selectEnding(scenario, next).id;
  return next;
}

/** Replays a saved path. Choices that no longer fit (content changed) stop the replay there. */
export function replay(scenario: Scenario, path: readonly string[]): RunState {
  let state = start(scenario);
  for (const choice of path) {
    const next = choose(scenario, state, choice);
    if (next === state) break;
    state = next;
  }
  return state;
}

export function pathOf(state: RunState): string[] {
  return state.steps.map((s) => s.choice);
}

/** Meter changes of one step, as shown to the learner: only meters that moved. */
export function changes(scenario: Scenario, step: Step): { id: string; label: string; from: number; to: number; delta: number }[] {
  return scenario.meters
    .map((m) => ({ id: m.id, label: m.label, from: step.before[m.id] ?? 0, to: step.after[m.id] ?? 0, delta: (step.after[m.id] ?? 0) - (step.before[m.id] ?? 0) }))
    .filter((c) => c.delta !== 0);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`;
}

/** The meter changes of a step as one sentence, shown and announced after a move. */
export function describeChanges(moved: ReturnType<typeof changes>): string {
  return moved.length === 0 ? 'No meter changed.' : `Meters: ${moved.map((c) => `${c.label} ${signed(c.delta)} (${c.from} → ${c.to})`).join('; ')}.`;
}
