/**
 * Checks on a scenario as a graph, and the exhaustive analysis behind them: every node reachable,
 * every node leading to an ending, no dangling `next`, unique ids, one fallback, every ending
 * reachable by some path. The graphs are small, so every path is walked.
 */
import type { Scenario } from '../../schemas/scenario';
import { balanceProblems } from './balance';
import { END, choose, start, type RunState } from './engine';

/** Above this many paths the analysis stops and says so: a course scenario should never get near it. */
export const MAX_PATHS = 200_000;

export interface PathResult {
  choices: string[];
  /** The decision process of each move taken. */
  processes: string[];
  ending: string;
}

/** Walks every path from the start. Throws on a cycle or too many paths (validate first). */
export function allPaths(scenario: Scenario): PathResult[] {
  const results: PathResult[] = [];
  const walk = (state: RunState, processes: string[], seen: Set<string>) => {
    if (results.length > MAX_PATHS) throw new Error(`more than ${MAX_PATHS} paths`);
    if (state.ending) {
      results.push({ choices: state.steps.map((s) => s.choice), processes, ending: state.ending });
      return;
    }
    const node = scenario.nodes.find((n) => n.id === state.node);
    if (!node) return;
    if (seen.has(node.id)) throw new Error(`cycle through node "${node.id}"`);
    const inPath = new Set(seen).add(node.id);
    for (const choice of node.choices) walk(choose(scenario, state, choice.id), [...processes, choice.process], inPath);
  };
  walk(start(scenario), [], new Set());
  return results;
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/**
 * Problems with a scenario, each naming the node, choice or ending and what is wrong. Pass the
 * reference ids known to the course to check `reference` fields.
 */
export function validateScenario(scenario: Scenario, referenceIds?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const nodeIds = scenario.nodes.map((n) => n.id);
  const meterIds = new Set(scenario.meters.map((m) => m.id));
  for (const id of duplicates(nodeIds)) problems.push(`node "${id}": the id is used by more than one node`);
  for (const id of duplicates(scenario.endings.map((e) => e.id))) problems.push(`ending "${id}": the id is used by more than one ending`);
  for (const id of duplicates(scenario.meters.map((m) => m.id))) problems.push(`meter "${id}": the id is used by more than one meter`);
  if (!nodeIds.includes(scenario.start)) problems.push(`start: "${scenario.start}" is not a node of the scenario`);

  const flagsSet = new Set(scenario.nodes.flatMap((n) => n.choices.flatMap((c) => c.flags ?? [])));
  const checkRule = (where: string, rule: { all?: unknown[] | undefined; any?: unknown[] | undefined }) => {
    for (const c of [...(rule.all ?? []), ...(rule.any ?? [])] as ({ meter: string } | { flag: string })[]) {
      if ('meter' in c && !meterIds.has(c.meter)) problems.push(`${where}: the rule reads meter "${c.meter}", which the scenario does not have`);
      if ('flag' in c && !flagsSet.has(c.flag)) problems.push(`${where}: the rule reads flag "${c.flag}", which no choice sets`);
    }
  };

  for (const node of scenario.nodes) {
    for (const id of duplicates(node.choices.map((c) => c.id))) problems.push(`node "${node.id}": choice id "${id}" is used twice`);
    node.variants?.forEach((v, i) => checkRule(`node "${node.id}", variant ${i + 1}`, v.when));
    for (const choice of node.choices) {
      const where = `node "${node.id}", choice "${choice.id}"`;
      if (choice.next !== END && !nodeIds.includes(choice.next)) problems.push(`${where}: next "${choice.next}" is not a node of the scenario (nor "${END}")`);
      for (const meter of Object.keys(choice.effects)) {
        if (!meterIds.has(meter)) problems.push(`${where}: effect on meter "${meter}", which the scenario does not have`);
      }
      if (choice.reference && referenceIds && !referenceIds.has(choice.reference)) {
        problems.push(`${where}: reference "${choice.reference}" is not in content/references.yaml`);
      }
    }
  }

  problems.push(...balanceProblems(scenario));

  const fallbacks = scenario.endings.filter((e) => e.fallback);
  if (fallbacks.length !== 1) problems.push(`endings: exactly one ending must be the fallback (found ${fallbacks.length})`);
  const best = scenario.endings.filter((e) => e.best);
  if (best.length !== 1) problems.push(`endings: exactly one ending must be the best ("best: true"; found ${best.length})`);
  for (const ending of scenario.endings) {
    if (ending.best && ending.fallback) problems.push(`ending "${ending.id}": the best ending cannot be the fallback`);
    if (ending.fallback && ending.when) problems.push(`ending "${ending.id}": the fallback ending has no rule (remove "when")`);
    if (!ending.fallback && !ending.when) problems.push(`ending "${ending.id}": needs a rule ("when"), or must be the fallback`);
    if (ending.when) checkRule(`ending "${ending.id}"`, ending.when);
  }

  // Reachability from the start, and whether each node can reach an end.
  const reachable = new Set<string>();
  const queue = nodeIds.includes(scenario.start) ? [scenario.start] : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const c of scenario.nodes.find((n) => n.id === id)?.choices ?? []) if (c.next !== END && nodeIds.includes(c.next)) queue.push(c.next);
  }
  for (const id of nodeIds) if (!reachable.has(id)) problems.push(`node "${id}": cannot be reached from the start`);
  const ends = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of scenario.nodes) {
      if (!ends.has(node.id) && node.choices.some((c) => c.next === END || ends.has(c.next))) {
        ends.add(node.id);
        grew = true;
      }
    }
  }
  for (const id of nodeIds) if (!ends.has(id)) problems.push(`node "${id}": no path from it leads to an ending`);
  if (problems.length > 0) return problems;

  let paths: PathResult[];
  try {
    paths = allPaths(scenario);
  } catch (error) {
    return [`graph: ${(error as Error).message}`];
  }
  const reached = new Set(paths.map((p) => p.ending));
  for (const ending of scenario.endings) {
    if (!reached.has(ending.id)) problems.push(`ending "${ending.id}": no path of choices reaches it (check its rule and the earlier endings' rules)`);
  }
  return problems;
}

export interface PolicyResult {
  /** A decision process, or `longest` (always pick the move with the longest text). */
  policy: string;
  /** Endings reached and by how many runs: one run when the process is offered once at every decision. */
  endings: Record<string, number>;
  /** Decisions where the process is not offered; there every move is tried in turn. */
  notOffered: string[];
  /** True when every run of the policy reaches the best ending. */
  alwaysBest: boolean;
}

export interface ScenarioReport {
  /** For each decision process used in the scenario, then `longest`: the endings reached by always picking it. */
  policies: PolicyResult[];
  /** For each ending: how many distinct paths reach it. */
  endings: { id: string; title: string; paths: number; best: boolean }[];
  totalPaths: number;
}

/** Walks the runs of a policy: at each decision the moves `pick` returns (every move when none). */
function policy(scenario: Scenario, name: string, pick: (choices: Scenario['nodes'][number]['choices']) => Scenario['nodes'][number]['choices']): PolicyResult {
  const endings: Record<string, number> = {};
  const notOffered = new Set<string>();
  const walk = (state: RunState) => {
    if (state.ending) {
      endings[state.ending] = (endings[state.ending] ?? 0) + 1;
      return;
    }
    const node = scenario.nodes.find((n) => n.id === state.node);
    if (!node) return;
    const own = pick(node.choices);
    if (own.length === 0) notOffered.add(node.id);
    for (const choice of own.length > 0 ? own : node.choices) walk(choose(scenario, state, choice.id));
  };
  walk(start(scenario));
  const best = scenario.endings.find((e) => e.best)?.id;
  return { policy: name, endings, notOffered: [...notOffered], alwaysBest: Object.keys(endings).length === 1 && best !== undefined && best in endings };
}

export function report(scenario: Scenario): ScenarioReport {
  const paths = allPaths(scenario);
  const processes = [...new Set(scenario.nodes.flatMap((n) => n.choices.map((c) => c.process)))].sort();
  const policies = processes.map((p) => policy(scenario, p, (choices) => choices.filter((c) => c.process === p)));
  policies.push(policy(scenario, 'longest', (choices) => [choices.reduce((a, b) => (b.text.length > a.text.length ? b : a))]));
  return {
    policies,
    endings: scenario.endings.map((e) => ({ id: e.id, title: e.title, paths: paths.filter((p) => p.ending === e.id).length, best: e.best })),
    totalPaths: paths.length,
  };
}
