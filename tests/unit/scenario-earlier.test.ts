/**
 * Saved progress from before the scenarios were rebuilt (moves labelled by style, with ids such as
 * `directive`): nothing is lost. A run whose moves no longer exist is kept in the scenario's history
 * as from an earlier version, the current run restarts, and endings that still exist stay counted;
 * the history survives recording, two tabs, import, export and reading back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, decode, emptyProgress, encode, merge, recordScenario, type Progress, type ScenarioProgress } from '../../src/lib/progress';
import { MAX_EARLIER } from '../../src/lib/progress';
import { settleRun as settleWith } from '../../src/lib/progress/earlier';
import { replays, scenarioFact, type ScenarioFact } from '../../src/lib/progress/fit';
import { exportFile } from '../../src/lib/progress/file';
import { mergeTabs } from '../../src/lib/progress/merge';
import { replay } from '../../src/lib/scenario';
import { scenarioSchema } from '../../src/schemas/scenario';

const T1 = '2026-11-20T08:00:00.000Z';
const T2 = '2026-11-21T08:00:00.000Z';
const load = (id: string) => scenarioSchema.parse(yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'scenarios', `${id}.yaml`), 'utf8')));
const line3 = load('line-3-alert');
const fact = scenarioFact(line3);
/** As import settles a run: against the scenario's facts. */
const settleRun = (run: ScenarioProgress, f: ScenarioFact) => settleWith(run, (path) => replays(f, path), (e) => f.endings.includes(e));
/** As the player settles a run: with the engine. */
const settleInPlayer = (run: ScenarioProgress) => settleWith(run, (path) => replay(line3, path).steps.length === path.length, (e) => line3.endings.some((x) => x.id === e));
/** A finished run as the current version saved it: the old "distributed" path, and two endings found. */
const old: ScenarioProgress = { path: ['distributed', 'delegating', 'distributed'], endings: ['safe-and-stronger', 'contained-unremarkable'], at: T1 };

describe('a scenario run saved before the rebuild', () => {
  it('is kept as an earlier run; the current run restarts; endings that still exist stay counted', () => {
    const settled = settleRun(old, fact);
    expect(settled).toEqual({ path: [], endings: ['safe-and-stronger', 'contained-unremarkable'], at: T1, earlier: [{ path: old.path, endings: [], at: T1 }] });
    expect(replay(line3, settled.path).node).toBe(line3.start);
  });

  it('keeps endings the scenario no longer has in the earlier run, not among the counted endings', () => {
    const settled = settleRun({ ...old, endings: ['safe-and-stronger', 'retired-ending'] }, fact);
    expect(settled.endings).toEqual(['safe-and-stronger']);
    expect(settled.earlier).toEqual([{ path: old.path, endings: ['retired-ending'], at: T1 }]);
  });

  it('is settled the same way by the player (with the engine) and by import (with the facts)', () => {
    for (const run of [old, { ...old, endings: ['gone'] }, { ...old, path: ['intent-and-roles', 'mei-decides', 'crew-review'] }, { ...old, path: ['intent-and-roles', 'mei-decides', 'crew-review', 'x'] }]) {
      expect(settleInPlayer(run)).toEqual(settleRun(run, fact));
    }
  });

  it('is settled once: settling again, or a run that fits, changes nothing', () => {
    const settled = settleRun(old, fact);
    expect(settleRun(settled, fact)).toBe(settled);
    const fits: ScenarioProgress = { path: ['intent-and-roles', 'mei-decides'], endings: ['shipped-risk'], at: T2 };
    expect(settleRun(fits, fact)).toBe(fits);
  });

  it('keeps at most the last MAX_EARLIER earlier runs', () => {
    let run: ScenarioProgress = old;
    for (let i = 0; i < MAX_EARLIER + 2; i++) run = settleRun({ ...run, path: ['directive', `x${i}`] }, fact);
    expect(run.earlier).toHaveLength(MAX_EARLIER);
    expect(run.earlier?.at(-1)?.path).toEqual(['directive', `x${MAX_EARLIER + 1}`]);
  });

  it('keeps its history when the learner plays on, restarts and finishes', () => {
    const start: Progress = { ...emptyProgress(), scenarios: { 'line-3-alert': settleRun(old, fact) } };
    const played = recordScenario(start, 'line-3-alert', ['intent-and-roles'], undefined, T2);
    expect(played.scenarios?.['line-3-alert']).toEqual({ path: ['intent-and-roles'], endings: old.endings, at: T2, earlier: [{ path: old.path, endings: [], at: T1 }] });
    expect(recordScenario(played, 'line-3-alert', [], undefined, T2).scenarios?.['line-3-alert']?.earlier).toHaveLength(1);
  });

  it('survives two tabs and an import merged into progress: both copies’ earlier runs, once each', () => {
    const a: Progress = { ...emptyProgress(), scenarios: { s: { path: [], endings: [], at: T1, earlier: [{ path: ['directive'], endings: [], at: T1 }] } }, updatedAt: T1 };
    const b: Progress = { ...emptyProgress(), scenarios: { s: { path: ['x'], endings: [], at: T2, earlier: [{ path: ['directive'], endings: [], at: T1 }, { path: ['trap'], endings: ['gone'], at: T2 }] } }, updatedAt: T2 };
    const want = [{ path: ['directive'], endings: [], at: T1 }, { path: ['trap'], endings: ['gone'], at: T2 }];
    expect(merge(a, b).scenarios?.['s']?.earlier).toEqual(want);
    expect(mergeTabs(a, b).scenarios?.['s']?.earlier).toEqual(want);
    expect(mergeTabs(b, a).scenarios?.['s']?.earlier).toEqual(want);
  });

  it('is stored, read back and exported with its history', () => {
    const progress: Progress = { ...emptyProgress(), scenarios: { 'line-3-alert': settleRun(old, fact) }, updatedAt: T2 };
    const back = decode(encode(progress), { lessonIds: [] });
    expect(back.problems).toEqual([]);
    expect(back.progress.scenarios).toEqual(progress.scenarios);
    expect(exportFile(progress, 'leading-together', T2)).toMatchObject({ version: PROGRESS_VERSION, progress: { scenarios: { 'line-3-alert': { earlier: [{ path: old.path }] } } } });
  });
});
