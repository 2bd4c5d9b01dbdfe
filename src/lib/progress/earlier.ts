/**
 * Scenario runs saved by an earlier version of a scenario. When a scenario is rebuilt, a saved
 * path may take moves that no longer exist, and endings once reached may be gone. Nothing the
 * learner did is dropped: such a run moves to the scenario's `earlier` history (shown in the
 * player as from an earlier version), the current run restarts, and endings that still exist stay
 * counted. `settleRun` (in ./fit) does it where saved progress meets the course: the scenario
 * player on load, and import. This module merges the histories of two copies. Pure.
 */
import type { EarlierRun } from './types';

/** At most this many earlier runs are kept per scenario (the oldest go first). */
export const MAX_EARLIER = 10;

/** Both copies' earlier runs, once each, oldest first (for merging two tabs or an import). */
export function mergeEarlier(a: readonly EarlierRun[] | undefined, b: readonly EarlierRun[] | undefined): EarlierRun[] | undefined {
  if (!a && !b) return undefined;
  const seen = new Map<string, EarlierRun>();
  for (const run of [...(a ?? []), ...(b ?? [])]) seen.set(JSON.stringify([run.path, run.endings, run.at]), run);
  return [...seen.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)).slice(-MAX_EARLIER);
}
