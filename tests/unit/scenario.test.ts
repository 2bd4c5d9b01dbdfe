import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario';
import { allPaths, changes, choose, clamp, replay, report, selectEnding, situation, start, validateScenario } from '../../src/lib/scenario';

const choice = (id: string, style: string, effects: Record<string, number>, next: string, flags?: string[]) => ({
  id, text: `Move ${id}`, style, consequence: `Consequence of ${id}.`, effects, why: `Because of ${id}.`, next, ...(flags ? { flags } : {}),
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
      choice('stop', 'directive', { quality: 3, trust: -1 }, 'n2', ['stopped']),
      choice('share', 'distributed', { trust: 2 }, 'n2'),
      choice('wait', 'trap', { quality: -6 }, 'n2'),
    ] },
    { id: 'n2', title: 'Second', text: 'Then this.', variants: [{ when: { all: [{ flag: 'stopped' }] }, text: 'The line is stopped; then this.' }], choices: [
      choice('tell', 'directive', { trust: -2 }, 'end'),
      choice('ask', 'distributed', { trust: 3 }, 'end'),
      choice('hide', 'trap', { quality: -4 }, 'end'),
    ] },
  ],
  endings: [
    { id: 'unsafe', title: 'Unsafe', text: 'Quality fell too far.', when: { all: [{ meter: 'quality', max: 4 }] } },
    { id: 'trusted', title: 'Trusted', text: 'Trust is high and the line was stopped.', when: { all: [{ meter: 'trust', min: 8 }, { flag: 'stopped' }] } },
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
  it('tries every move where a style is not offered', () => {
    const partial = scenarioSchema.parse({ ...structuredClone(base), nodes: [base.nodes[0], { ...base.nodes[1], choices: base.nodes[1]!.choices.map((c) => (c.style === 'trap' ? { ...c, style: 'collaborative' } : c)) }] });
    expect(report(partial).policies.find((p) => p.style === 'trap')).toEqual({ style: 'trap', endings: { unsafe: 3 }, notOffered: ['n2'] });
  });

  it('walks every path', () => {
    expect(allPaths(scenario)).toHaveLength(9);
  });

  it('reports each style policy and paths per ending', () => {
    const r = report(scenario);
    expect(r.totalPaths).toBe(9);
    expect(r.policies).toEqual([
      { style: 'directive', endings: { ordinary: 1 }, notOffered: [] },
      { style: 'distributed', endings: { ordinary: 1 }, notOffered: [] },
      { style: 'trap', endings: { unsafe: 1 }, notOffered: [] },
    ]);
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
      s.nodes.push({ id: 'island', title: 'Orphan', text: 'Nobody comes here.', choices: [choice('x', 'directive', {}, 'island'), choice('y', 'directive', {}, 'island'), choice('z', 'directive', {}, 'island')] } as never);
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

describe('describing meter changes', () => {
  it('says which meters moved, by how much, from and to', async () => {
    const { describeChanges } = await import('../../src/lib/scenario');
    const s = choose(scenario, start(scenario), 'stop');
    expect(describeChanges(changes(scenario, s.steps[0]!))).toBe('Meters: Trust −1 (5 → 4); Quality +1 (9 → 10).');
    expect(describeChanges([])).toBe('No meter changed.');
  });
});
