/**
 * Balance checks at one decision, run at build time: no move is at least as good as every other
 * move on every meter (the best move must cost something), and the moves read alike in length
 * (the right one is not the longest). Each problem names the node and the move.
 */
import type { Scenario, ScenarioChoice } from '../../schemas/scenario';

/** The longest move's text may be at most this many times the shortest one's, in characters. */
export const MAX_LENGTH_RATIO = 1.6;

/** True when `a` is at least as good as `b` on every meter. */
function noWorse(a: ScenarioChoice, b: ScenarioChoice, meters: readonly string[]): boolean {
  return meters.every((m) => (a.effects[m] ?? 0) >= (b.effects[m] ?? 0));
}

/**
 * Moves that dominate their siblings: at least as good as each of them on every meter, and better
 * than at least one of them on at least one meter.
 */
export function dominating(choices: readonly ScenarioChoice[], meters: readonly string[]): ScenarioChoice[] {
  return choices.filter((c) => {
    const others = choices.filter((o) => o !== c);
    return others.length > 0 && others.every((o) => noWorse(c, o, meters)) && others.some((o) => !noWorse(o, c, meters));
  });
}

/** Moves whose text is more than MAX_LENGTH_RATIO times the shortest sibling's, with that sibling. */
export function tooLong(choices: readonly ScenarioChoice[], ratio = MAX_LENGTH_RATIO): { choice: ScenarioChoice; shortest: ScenarioChoice }[] {
  if (choices.length < 2) return [];
  const shortest = choices.reduce((a, b) => (b.text.length < a.text.length ? b : a));
  return choices.filter((c) => c.text.length > ratio * shortest.text.length).map((choice) => ({ choice, shortest }));
}

/** Both checks over every decision of a scenario, as messages naming node and move. */
export function balanceProblems(scenario: Scenario): string[] {
  const meters = scenario.meters.map((m) => m.id);
  const problems: string[] = [];
  for (const node of scenario.nodes) {
    for (const c of dominating(node.choices, meters)) {
      problems.push(`node "${node.id}", choice "${c.id}": at least as good as every other move at this decision on every meter (${meters.join(', ')}); give it a real cost on some meter`);
    }
    for (const { choice, shortest } of tooLong(node.choices)) {
      problems.push(`node "${node.id}", choice "${choice.id}": its text is ${choice.text.length} characters, more than ${MAX_LENGTH_RATIO}× the shortest move at this decision ("${shortest.id}", ${shortest.text.length}); moves at one decision should read alike in length`);
    }
  }
  return problems;
}
