import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diagnosticSchema, type DiagnosticData } from '../../src/schemas/diagnostic';
import {
  answerProblems,
  bandFor,
  compareScores,
  contextProfiles,
  describeRule,
  dimensionScores,
  flagProblems,
  formatChange,
  isReadable,
  matchProfiles,
  redFlags,
  statements,
  summarise,
  unanswered,
} from '../../src/lib/diagnostic';

const root = join(import.meta.dirname, '..', '..');
const raw = (load(readFileSync(join(root, 'content/diagnostic.yaml'), 'utf8')) as { tdrd: unknown }).tdrd;
const tdrd: DiagnosticData = diagnosticSchema.parse(raw);
const DIMS = tdrd.dimensions.map((d) => d.id);

/** Three answers (1–5) that add up to `score` (3–15). */
function three(score: number): number[] {
  const base = Math.floor(score / 3);
  const rest = score - base * 3;
  return [base + (rest > 0 ? 1 : 0), base + (rest > 1 ? 1 : 0), base];
}

/** Answers giving each dimension the score named (others 9, "developing"). */
function answersFor(scores: Partial<Record<string, number>> = {}): number[] {
  return DIMS.flatMap((id) => three(scores[id] ?? 9));
}

const noFlags = () => tdrd.integrity.flags.map(() => false);
const profileIds = (scores: Partial<Record<string, number>>) => matchProfiles(tdrd, dimensionScores(tdrd, answersFor(scores))).map((p) => p.id);

/** A deep copy of the real data to break in one place. */
function variant(change: (d: any) => void): unknown {
  const copy = structuredClone(raw) as any;
  change(copy);
  return copy;
}

describe('the diagnostic data', () => {
  it('content/diagnostic.yaml is valid: 8 dimensions of 3 statements, 6 red flags, 3 context questions', () => {
    expect(tdrd.dimensions).toHaveLength(8);
    expect(statements(tdrd)).toHaveLength(24);
    expect(tdrd.integrity.flags).toHaveLength(6);
    expect(tdrd.integrity.threshold).toBe(2);
    expect(tdrd.context.questions).toHaveLength(3);
    expect(tdrd.bands.map((b) => [b.id, b.min, b.max])).toEqual([['constraint', 3, 7], ['developing', 8, 11], ['strength', 12, 15]]);
  });

  it('cites only references that exist in content/references.yaml', () => {
    const refs = new Set((load(readFileSync(join(root, 'content/references.yaml'), 'utf8')) as { id: string }[]).map((r) => r.id));
    const cited = [...tdrd.disclaimer.references, ...tdrd.integrity.warning.references, ...tdrd.dimensions.flatMap((d) => d.references)];
    expect(cited.filter((id) => !refs.has(id))).toEqual([]);
  });

  it('rejects a statement id used twice', () => {
    const result = diagnosticSchema.safeParse(variant((d) => { d.dimensions[1].statements[0].id = d.dimensions[0].statements[0].id; }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('statement id "purpose-success" is used twice');
  });

  it('rejects a dimension without exactly three statements, and fewer than eight dimensions', () => {
    expect(diagnosticSchema.safeParse(variant((d) => { d.dimensions[2].statements.pop(); })).success).toBe(false);
    expect(diagnosticSchema.safeParse(variant((d) => { d.dimensions.pop(); })).success).toBe(false);
  });

  it('rejects profile rules that name a dimension, band or context question that does not exist', () => {
    const messages = (d: unknown) => diagnosticSchema.safeParse(d).error?.issues.map((i) => i.message) ?? [];
    expect(messages(variant((d) => { d.profiles[0].when.any[0].dimension = 'skills'; }))).toEqual([expect.stringContaining('names the dimension "skills", which does not exist')]);
    expect(messages(variant((d) => { d.profiles[0].when.any[0].band = 'low'; }))).toEqual([expect.stringContaining('names the band "low", which does not exist')]);
    expect(messages(variant((d) => { d.profiles[3].context = ['weather']; }))).toEqual([expect.stringContaining('names the context question "weather"')]);
    expect(messages(variant((d) => { d.profiles[3].when = { all: [{ dimension: 'trust', band: 'strength' }] }; }))).toEqual([expect.stringContaining('either a "when" rule or a "context" list')]);
  });

  it('rejects reference ids that are not plain slugs', () => {
    const result = diagnosticSchema.safeParse(variant((d) => { d.dimensions[0].references = ['Carson et al., 2007']; }));
    expect(result.error?.issues.map((i) => i.message)).toEqual(['reference id "Carson et al., 2007" is not a plain slug like "carson-2007"']);
  });

  it('rejects bands with a gap, and unknown fields', () => {
    expect(diagnosticSchema.safeParse(variant((d) => { d.bands[1].min = 9; })).error?.issues[0]?.message).toMatch(/must start at 8/);
    expect(diagnosticSchema.safeParse(variant((d) => { d.colour = 'blue'; })).success).toBe(false);
  });
});

describe('dimension scores and bands', () => {
  it('sums each dimension’s three answers, in form order', () => {
    const answers = [1, 1, 1, 5, 5, 5, ...Array(18).fill(3)];
    const scores = dimensionScores(tdrd, answers);
    expect(scores.map((s) => s.score)).toEqual([3, 15, 9, 9, 9, 9, 9, 9]);
    expect(scores[0]).toMatchObject({ dimension: 'shared-purpose', title: 'Shared purpose' });
  });

  it('puts 7 in constraint and 8 in developing, 11 in developing and 12 in strength', () => {
    expect(bandFor(tdrd.bands, 3).id).toBe('constraint');
    expect(bandFor(tdrd.bands, 7).id).toBe('constraint');
    expect(bandFor(tdrd.bands, 8).id).toBe('developing');
    expect(bandFor(tdrd.bands, 11).id).toBe('developing');
    expect(bandFor(tdrd.bands, 12).id).toBe('strength');
    expect(bandFor(tdrd.bands, 15).id).toBe('strength');
    const scores = dimensionScores(tdrd, answersFor({ 'shared-purpose': 7, 'voice-and-support': 8, trust: 11, interdependence: 12 }));
    expect(scores.slice(0, 4).map((s) => [s.score, s.band.id])).toEqual([[7, 'constraint'], [8, 'developing'], [11, 'developing'], [12, 'strength']]);
  });

  it('refuses a score outside every band', () => {
    expect(() => bandFor(tdrd.bands, 2)).toThrow(RangeError);
    expect(() => bandFor(tdrd.bands, 16)).toThrow(RangeError);
  });
});

describe('profiles', () => {
  it('low expertise or low decision-rights clarity: build before distributing', () => {
    expect(profileIds({ expertise: 7 })).toEqual(['build-before-distributing']);
    expect(profileIds({ 'decision-rights': 5 })).toEqual(['build-before-distributing']);
    expect(profileIds({ expertise: 8, 'decision-rights': 8 })).toEqual([]);
  });

  it('high expertise and low interdependence: delegate for autonomy', () => {
    expect(profileIds({ expertise: 12, interdependence: 7 })).toEqual(['delegate-for-autonomy']);
    expect(profileIds({ expertise: 11, interdependence: 7 })).toEqual([]);
    expect(profileIds({ expertise: 12, interdependence: 8 })).toEqual([]);
  });

  it('high trust, interdependence, expertise and clarity: expand shared practice', () => {
    const high = { trust: 12, interdependence: 12, expertise: 12, 'decision-rights': 12 };
    expect(profileIds(high)).toEqual(['expand-shared-practice']);
    expect(profileIds({ ...high, trust: 11 })).toEqual([]);
    expect(profileIds({ ...high, 'decision-rights': 11 })).toEqual([]);
  });

  it('returns every matching profile in the data’s order', () => {
    expect(profileIds({ 'decision-rights': 7, expertise: 15, interdependence: 3 })).toEqual(['build-before-distributing', 'delegate-for-autonomy']);
  });

  it('never matches the context profiles by scores; they are offered beside their context questions', () => {
    const everyScore = [3, 7, 8, 11, 12, 15].flatMap((s) => [answersFor(Object.fromEntries(DIMS.map((id) => [id, s])))]);
    for (const answers of everyScore) {
      const ids = matchProfiles(tdrd, dimensionScores(tdrd, answers)).map((p) => p.id);
      expect(ids).not.toContain('collaborate-across-boundaries');
      expect(ids).not.toContain('command-within-limits');
    }
    expect(contextProfiles(tdrd, 'other-organisations').map((p) => p.id)).toEqual(['collaborate-across-boundaries']);
    expect(contextProfiles(tdrd, 'synchronisation').map((p) => p.id)).toEqual(['command-within-limits']);
    expect(contextProfiles(tdrd, 'process-stability').map((p) => p.id)).toEqual(['command-within-limits']);
  });

  it('says a rule in words', () => {
    const [build, delegate, expand] = tdrd.profiles;
    expect(describeRule(tdrd, build!.when!)).toBe('Distributed expertise is a constraint or Decision rights and accountability is a constraint');
    expect(describeRule(tdrd, delegate!.when!)).toBe('Distributed expertise is a strength and Interdependence is a constraint');
    expect(describeRule(tdrd, expand!.when!)).toBe('Trust is a strength, Interdependence is a strength, Distributed expertise is a strength, and Decision rights and accountability is a strength');
    expect(describeRule(tdrd, { all: [{ dimension: 'trust', band: 'developing' }], any: [{ dimension: 'expertise', band: 'strength' }, { dimension: 'trust', band: 'strength' }] }))
      .toBe('Trust is developing, and either Distributed expertise is a strength or Trust is a strength');
  });
});

describe('the distribution integrity check', () => {
  const flags = (yes: number) => tdrd.integrity.flags.map((_, i) => i < yes);

  it('warns from two "yes" answers', () => {
    expect(redFlags(tdrd, flags(0))).toEqual({ count: 0, total: 6, threshold: 2, warning: false });
    expect(redFlags(tdrd, flags(1)).warning).toBe(false);
    expect(redFlags(tdrd, flags(2))).toEqual({ count: 2, total: 6, threshold: 2, warning: true });
    expect(redFlags(tdrd, flags(6))).toMatchObject({ count: 6, warning: true });
  });

  it('counts "yes" wherever it is', () => {
    expect(redFlags(tdrd, [false, false, false, false, true, true])).toMatchObject({ count: 2, warning: true });
  });

  it('refuses flags of the wrong length or kind', () => {
    expect(() => redFlags(tdrd, [true, true])).toThrow(/Expected 6 red-flag answers, got 2/);
    expect(flagProblems(tdrd, [true, false, 'yes', false, false, false])).toEqual(['Red-flag answer 3 is not yes or no.']);
  });
});

describe('comparison with an earlier result', () => {
  it('gives the previous score and the change for each dimension', () => {
    const before = dimensionScores(tdrd, answersFor({ trust: 7, expertise: 12 }));
    const after = dimensionScores(tdrd, answersFor({ trust: 10, expertise: 11 }));
    const rows = compareScores(after, before);
    expect(rows.find((r) => r.dimension === 'trust')).toMatchObject({ score: 10, previous: 7, change: 3 });
    expect(rows.find((r) => r.dimension === 'expertise')).toMatchObject({ score: 11, previous: 12, change: -1 });
    expect(rows.find((r) => r.dimension === 'shared-purpose')).toMatchObject({ score: 9, previous: 9, change: 0 });
  });

  it('has no previous score without an earlier result', () => {
    const rows = compareScores(dimensionScores(tdrd, answersFor()), undefined);
    expect(rows.every((r) => r.previous === undefined && r.change === undefined)).toBe(true);
  });

  it('summarises a result, and ignores an earlier result that no longer fits the diagnostic', () => {
    const latest = { answers: answersFor({ expertise: 6 }), flags: [true, true, false, false, false, false] };
    const earlier = { answers: answersFor({ expertise: 4 }), flags: noFlags() };
    const summary = summarise(tdrd, latest, earlier);
    expect(summary.compared).toBe(true);
    expect(summary.scores.find((s) => s.dimension === 'expertise')).toMatchObject({ score: 6, previous: 4, change: 2 });
    expect(summary.profiles.map((p) => p.id)).toEqual(['build-before-distributing']);
    expect(summary.flags.warning).toBe(true);
    const outdated = summarise(tdrd, latest, { answers: [3, 3, 3], flags: [] });
    expect(outdated.compared).toBe(false);
    expect(outdated.scores.every((s) => s.previous === undefined)).toBe(true);
    expect(summarise(tdrd, latest).compared).toBe(false);
  });

  it('writes a change with its sign', () => {
    expect(formatChange(2)).toBe('+2');
    expect(formatChange(-3)).toBe('\u22123');
    expect(formatChange(0)).toBe('no change');
  });
});

describe('invalid answers', () => {
  it('accepts 24 whole numbers from 1 to 5', () => {
    expect(answerProblems(tdrd, answersFor())).toEqual([]);
    expect(isReadable(tdrd, { answers: answersFor(), flags: noFlags() })).toBe(true);
  });

  it('names a wrong length', () => {
    expect(answerProblems(tdrd, [3, 3, 3])).toEqual(['Expected 24 answers, got 3.']);
    expect(answerProblems(tdrd, [...answersFor(), 3])).toEqual(['Expected 24 answers, got 25.']);
  });

  it('names answers off the scale or not whole numbers', () => {
    const answers: unknown[] = answersFor();
    answers[0] = 0;
    answers[5] = 6;
    answers[9] = 2.5;
    answers[10] = '3';
    answers[11] = null;
    answers[12] = Number.NaN;
    expect(answerProblems(tdrd, answers)).toEqual([
      'Answer 1 is 0, not a whole number from 1 to 5.',
      'Answer 6 is 6, not a whole number from 1 to 5.',
      'Answer 10 is 2.5, not a whole number from 1 to 5.',
      'Answer 11 is "3", not a whole number from 1 to 5.',
      'Answer 12 is null, not a whole number from 1 to 5.',
      'Answer 13 is null, not a whole number from 1 to 5.',
    ]);
    expect(isReadable(tdrd, { answers, flags: noFlags() })).toBe(false);
  });

  it('refuses to score invalid answers', () => {
    expect(() => dimensionScores(tdrd, [3, 3, 3])).toThrow(RangeError);
    expect(() => dimensionScores(tdrd, answersFor().map((a, i) => (i === 4 ? 9 : a)))).toThrow(/Answer 5 is 9/);
  });

  it('lists the statements and flags still unanswered', () => {
    expect(unanswered([1, undefined, 3], 5)).toEqual([1, 3, 4]);
    expect(unanswered([true, false], 2)).toEqual([]);
  });
});
