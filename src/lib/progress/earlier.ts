/**
 * Scenario runs saved by an earlier version of a scenario. When a scenario is rebuilt, a saved
 * path may take moves that no longer exist, and endings once reached may be gone. Nothing the
 * learner did is dropped: such a run moves to the scenario's `earlier` history (shown in the
 * player as from an earlier version), the current run restarts, and endings that still exist stay
 * counted. `settleRun` does it where saved progress meets the course: the scenario player on load,
 * and import (./fit). The caller says which paths replay and which endings exist (the player with
 * the engine, import with the scenario's facts), so the player loads nothing else. Pure.
 */
import { MAX_EARLIER, type EarlierRun, type ScenarioProgress } from './types';

/**
 * A saved scenario run made to fit the scenario as it is now: the same object when it already
 * fits, else one whose stale path and lost endings are kept in `earlier` (nothing is dropped),
 * whose current run restarts, and whose endings that still exist stay counted. Settling twice
 * changes nothing more.
 */
export function settleRun(run: ScenarioProgress, replays: (path: string[]) => boolean, hasEnding: (id: string) => boolean): ScenarioProgress {
  const fits = replays(run.path);
  const kept = run.endings.filter(hasEnding);
  const lost = run.endings.filter((e) => !hasEnding(e));
  if (fits && lost.length === 0) return run;
  const entry: EarlierRun = { path: fits ? [] : run.path, endings: lost, at: run.at };
  const earlier = [...(run.earlier ?? []), entry].slice(-MAX_EARLIER);
  return { ...run, path: fits ? run.path : [], endings: kept, earlier };
}

