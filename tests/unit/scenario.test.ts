import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { allPaths, balanceProblems, changes, choose, clamp, dominating, replay, report, selectEnding, situation, start, tooLong, validateScenario } from '../../src/lib/scenario';

const choice = (id: string, process: string, effects: Record<string, number>, next: string, flags?: string[]) => ({
  id, text: `Move ${id}`, process, consequence: `Consequence of ${id}.`, effects, why: `Because of ${id}.`, next, ...(flags ? { flags } : {}),
});

const base = {
  title: 'Test incident', summary: 'A small scenario for tests.', role: 'Manager.', setup: 'A fictional plant; people are invented.', lesson: 'l',
  meters: [
    { id: 'trust', label: 'Trust', start: 5, description: 'How much people trust you.' },
    { id: 'quality', label: 'Quality', start: 9, description: 'How safe the product is.' },
  ],
  start: 'n1',
  nodes: [
    { id: 'n1', title: 'First', text: 'Something happens.', choices: [
      choice('stop', 'decide', { quality: 3, trust: -1 }, 'n2', ['stopped']),
      choice('share', 'facilitate', { trust: 2 }, 'n2'),
      choice('wait', 'step-back', { quality: -6 }, 'n2'),
    ] },
    { id: 'n2', title: 'Second', text: 'Then this.', variants: [{ when: { all: [{ flag: 'stopped' }] }, text: 'The line is stopped; then this.' }], choices: [
      choice('tell', 'decide', { trust: -2 }, 'end'),
      choice('ask', 'facilitate', { trust: 3, quality: -1 }, 'end'),
      choice('hide', 'step-back', { quality: -4 }, 'end'),
    ] },
  ],
  endings: [
    { id: 'unsafe', title: 'Unsafe', text: 'Quality fell too far.', when: { all: [{ meter: 'quality', max: 4 }] } },
    { id: 'trusted', title: 'Trusted', text: 'Trust is high and the line was stopped.', best: true, when: { all: [{ meter: 'trust', min: 8 }, { flag: 'stopped' }] } },
    { id: 'ordinary', title: 'Ordinary', text: 'Nothing remarkable.', fallback: true },
  ],
  debrief: ['What would you do differently?'],
};
const scenario: Scenario = scenarioSchema.parse(base);

describe('engine', () => {
  it('starts at the start with the start meters', () => {
    expect(start(scenario)).toMatchObject({ node: 'n1', meters: { trust: 5, quality: 9 }, flags: [], steps: [], ending: undefined });
  });

  it('applies deltas with clamping to 0–10, and sets flags', () => {
    const s = choose(scenario, start(scenario), 'stop');
    expect(s.meters).toEqual({ trust: 4, quality: 10 });
    expect(s.flags).toEqual(['stopped']);
    expect(s.node).toBe('n2');
    expect(changes(scenario, s.steps[0]!)).toEqual([
      { id: 'trust', label: 'Trust', from: 5, to: 4, delta: -1 },
      { id: 'quality', label: 'Quality', from: 9, to: 10, delta: 1 },
    ]);
    expect(clamp(-3)).toBe(0);
    expect(clamp(14)).toBe(10);
  });

  it('shows variant text when its flag is set', () => {
    const after = choose(scenario, start(scenario), 'stop');
    expect(situation(scenario.nodes[1]!, after)).toBe('The line is stopped; then this.');
    expect(situation(scenario.nodes[1]!, choose(scenario, start(scenario), 'share'))).toBe('Then this.');
  });

  it('chooses endings by ordered rules, first match wins, with the fallback last', () => {
    expect(replay(scenario, ['wait', 'tell']).ending).toBe('unsafe');
    expect(replay(scenario, ['stop', 'ask']).ending).toBe('ordinary'); // trust 4+3 = 7 < 8
    expect(replay(scenario, ['share', 'ask']).ending).toBe('ordinary'); // trust 10 but not stopped
    expect(selectEnding(scenario, { meters: { trust: 9, quality: 9 }, flags: ['stopped'] }).id).toBe('trusted');
    expect(selectEnding(scenario, { meters: { trust: 9, quality: 2 }, flags: ['stopped'] }).id).toBe('unsafe');
  });

  it('is deterministic: the same path gives the same state', () => {
    expect(replay(scenario, ['stop', 'ask'])).toEqual(replay(scenario, ['stop', 'ask']));
  });

  it('ignores a choice that does not fit and stops a replay there', () => {
    const s = start(scenario);
    expect(choose(scenario, s, 'nope')).toBe(s);
    expect(replay(scenario, ['stop', 'nope', 'ask']).steps).toHaveLength(1);
  });
});

describe('analysis and report', () => {
  it('tries every move where a process is not offered', () => {
    const partial = scenarioSchema.parse({ ...structuredClone(base), nodes: [base.nodes[0], { ...base.nodes[1], choices: base.nodes[1]!.choices.map((c) => (c.process === 'step-back' ? { ...c, process: 'convene' } : c)) }] });
    expect(report(partial).policies.find((p) => p.policy === 'step-back')).toEqual({ policy: 'step-back', endings: { unsafe: 3 }, notOffered: ['n2'], alwaysBest: false });
  });

  it('tries each move where a process is offered twice', () => {
    const twice = scenarioSchema.parse({ ...structuredClone(base), nodes: [base.nodes[0], { ...base.nodes[1], choices: base.nodes[1]!.choices.map((c) => (c.id === 'tell' ? { ...c, process: 'facilitate' } : c)) }] });
    expect(report(twice).policies.find((p) => p.policy === 'facilitate')?.endings).toEqual({ ordinary: 2 });
  });

  it('says when a policy reaches the best ending in every run', () => {
    const easy = structuredClone(base);
    easy.endings[1]!.when = { all: [{ meter: 'trust', min: 7 }] };
    const r = report(scenarioSchema.parse(easy));
    expect(r.policies.find((p) => p.policy === 'facilitate')).toMatchObject({ endings: { trusted: 1 }, alwaysBest: true });
    expect(r.policies.find((p) => p.policy === 'decide')).toMatchObject({ alwaysBest: false });
  });

  it('walks every path', () => {
    expect(allPaths(scenario)).toHaveLength(9);
  });

  it('reports each decision process policy, the longest-move policy and paths per ending', () => {
    const r = report(scenario);
    expect(r.totalPaths).toBe(9);
    expect(r.policies).toEqual([
      { policy: 'decide', endings: { ordinary: 1 }, notOffered: [], alwaysBest: false },
      { policy: 'facilitate', endings: { ordinary: 1 }, notOffered: [], alwaysBest: false },
      { policy: 'step-back', endings: { unsafe: 1 }, notOffered: [], alwaysBest: false },
      { policy: 'longest', endings: { ordinary: 1 }, notOffered: [], alwaysBest: false },
    ]);
    expect(r.endings.find((e) => e.best)?.id).toBe('trusted');
    expect(r.endings.map((e) => e.paths).reduce((a, b) => a + b)).toBe(9);
  });
});

describe('validateScenario names the node and the problem', () => {
  const broken = (change: (s: typeof base) => unknown) => validateScenario(scenarioSchema.parse(change(structuredClone(base))));

  it('accepts this scenario except the unreachable ending', () => {
    expect(validateScenario(scenario)).toEqual(['ending "trusted": no path of choices reaches it (check its rule and the earlier endings\' rules)']);
  });

  it('a dangling next', () => {
    expect(broken((s) => { s.nodes[0]!.choices[0]!.next = 'n9'; return s; })).toContain('node "n1", choice "stop": next "n9" is not a node of the scenario (nor "end")');
  });

  it('an unreachable node and a node that never ends', () => {
    const problems = broken((s) => {
      s.nodes.push({ id: 'island', title: 'Orphan', text: 'Nobody comes here.', choices: [choice('x', 'decide', {}, 'island'), choice('y', 'decide', {}, 'island'), choice('z', 'decide', {}, 'island')] } as never);
      return s;
    });
    expect(problems).toContain('node "island": cannot be reached from the start');
    expect(problems).toContain('node "island": no path from it leads to an ending');
  });

  it('duplicate ids, missing fallback, unknown meters and flags', () => {
    const problems = broken((s) => {
      s.nodes[1]!.id = 'n1';
      s.endings[2]!.fallback = false as never;
      (s.endings[2] as Record<string, unknown>)['when'] = { all: [{ flag: 'never-set' }] };
      s.nodes[0]!.choices[1]!.effects = { morale: 1 };
      return s;
    });
    expect(problems).toContain('node "n1": the id is used by more than one node');
    expect(problems).toContain('endings: exactly one ending must be the fallback (found 0)');
    expect(problems).toContain('ending "ordinary": the rule reads flag "never-set", which no choice sets');
    expect(problems).toContain('node "n1", choice "share": effect on meter "morale", which the scenario does not have');
  });

  it('a cycle', () => {
    expect(broken((s) => { s.nodes[1]!.choices[0]!.next = 'n1'; return s; })).toEqual(['graph: cycle through node "n1"']);
  });

  it('an unknown reference', () => {
    const s = structuredClone(base);
    (s.nodes[0]!.choices[0] as Record<string, unknown>)['reference'] = 'nobody-2099';
    expect(validateScenario(scenarioSchema.parse(s), new Set(['wang-2014']))).toContain('node "n1", choice "stop": reference "nobody-2099" is not in content/references.yaml');
  });
});

describe('balance at one decision: no dominating move, comparable lengths', () => {
  const broken = (change: (s: typeof base) => unknown) => validateScenario(scenarioSchema.parse(change(structuredClone(base))));
  const meters = ['trust', 'quality'];
  const move = (id: string, effects: Record<string, number>, text = `Move ${id}`) => scenarioSchema.shape.nodes.element.shape.choices.element.parse({ ...choice(id, 'decide', effects, 'end'), text });

  it('finds a move at least as good as every sibling on every meter and better on one', () => {
    expect(dominating([move('a', { trust: 2, quality: 1 }), move('b', { trust: 2 }), move('c', { quality: 1 })], meters).map((c) => c.id)).toEqual(['a']);
    // A missing meter counts as 0.
    expect(dominating([move('a', { trust: 1 }), move('b', {}), move('c', { trust: -1 })], meters).map((c) => c.id)).toEqual(['a']);
  });

  it('accepts a real trade-off, and equal moves', () => {
    expect(dominating([move('a', { trust: 2, quality: -1 }), move('b', { quality: 1 }), move('c', { trust: 1 })], meters)).toEqual([]);
    expect(dominating([move('a', {}), move('b', {}), move('c', {})], meters)).toEqual([]);
  });

  it('finds a move more than 1.6 times longer than the shortest at the decision', () => {
    const short = move('s', {}, 'x'.repeat(100));
    expect(tooLong([short, move('ok', {}, 'x'.repeat(160)), move('long', {}, 'x'.repeat(161))]).map((p) => [p.choice.id, p.shortest.id])).toEqual([['long', 's']]);
  });

  it('fails the scenario, naming node and move', () => {
    expect(broken((s) => { s.nodes[1]!.choices[1]!.effects = { trust: 3 }; return s; })).toContain(
      'node "n2", choice "ask": at least as good as every other move at this decision on every meter (trust, quality); give it a real cost on some meter',
    );
    expect(broken((s) => { s.nodes[0]!.choices[2]!.text = 'Wait and see what happens next'; return s; })).toContain(
      'node "n1", choice "wait": its text is 30 characters, more than 1.6× the shortest move at this decision ("stop", 9); moves at one decision should read alike in length',
    );
  });

  it('needs exactly one best ending, which is not the fallback', () => {
    expect(broken((s) => { (s.endings[1] as Record<string, unknown>)['best'] = false; return s; })).toContain('endings: exactly one ending must be the best ("best: true"; found 0)');
    expect(broken((s) => { (s.endings[2] as Record<string, unknown>)['best'] = true; (s.endings[1] as Record<string, unknown>)['best'] = false; return s; })).toContain('ending "ordinary": the best ending cannot be the fallback');
  });
});

describe('the course scenarios', () => {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'scenarios');
  const all = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, scenario: scenarioSchema.parse(yaml.load(readFileSync(join(dir, f), 'utf8'))) }));

  it('pass the balance checks', () => {
    for (const { file, scenario: s } of all) expect(balanceProblems(s), file).toEqual([]);
  });

  it('label moves by decision process and give no move a style', () => {
    for (const { scenario: s } of all) for (const n of s.nodes) for (const c of n.choices) expect(c).not.toHaveProperty('style');
  });

  it('let no single decision process, nor the longest move, reach the best ending in every scenario', () => {
    const policies = new Map<string, number>();
    for (const { scenario: s } of all) for (const p of report(s).policies) policies.set(p.policy, (policies.get(p.policy) ?? 0) + (p.alwaysBest ? 1 : 0));
    for (const [policy, wins] of policies) expect(wins, policy).toBeLessThan(all.length);
  });

  it('reach the best ending only along paths that set its flags', () => {
    for (const { file, scenario: s } of all) {
      const best = s.endings.find((e) => e.best)!;
      const flags = (best.when?.all ?? []).flatMap((c) => ('flag' in c && c.set ? [c.flag] : []));
      expect(flags.length, file).toBeGreaterThan(0);
      for (const path of allPaths(s).filter((p) => p.ending === best.id)) expect(replay(s, path.choices).flags, file).toEqual(expect.arrayContaining(flags));
    }
  });

  it('in Stuck on the Ward, reach collaborative advantage only by running the pilot and forming the joint group', () => {
    const ward = all.find((a) => a.file === 'stuck-on-the-ward.yaml')!.scenario;
    const winning = allPaths(ward).filter((p) => p.ending === 'collaborative-advantage');
    expect(winning.length).toBeGreaterThan(0);
    for (const p of winning) expect(p.choices.slice(1)).toEqual(['open-data-pilot', 'joint-group']);
  });
});

describe('describing meter changes', () => {
  it('says which meters moved, by how much, from and to', async () => {
    const { describeChanges } = await import('../../src/lib/scenario');
    const s = choose(scenario, start(scenario), 'stop');
    expect(describeChanges(changes(scenario, s.steps[0]!))).toBe('Meters: Trust −1 (5 → 4); Quality +1 (9 → 10).');
    expect(describeChanges([])).toBe('No meter changed.');
  });
});
