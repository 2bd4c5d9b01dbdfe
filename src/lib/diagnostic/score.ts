/**
 * Scoring of the Team Distribution Readiness Diagnostic: dimension scores and bands, the profiles
 * they match, the integrity red flags, and the comparison with an earlier result. Pure functions
 * over the validated diagnostic data (`content/diagnostic.yaml`) and a saved result's answers.
 */
import type { Band, Condition, DiagnosticData, Profile, ProfileRule } from '../../schemas/diagnostic';

/** What the scoring reads of the data. */
export type Diagnostic = Pick<DiagnosticData, 'dimensions' | 'bands' | 'profiles' | 'scale' | 'integrity'>;

export interface DimensionScore {
  dimension: string;
  title: string;
  /** Sum of the dimension's answers: 3–15. */
  score: number;
  band: Band;
}

export interface Comparison extends DimensionScore {
  /** The earlier result's score, when there is a comparable earlier result. */
  previous?: number;
  /** `score - previous`. */
  change?: number;
}

export interface FlagSummary {
  /** How many red flags were answered "yes". */
  count: number;
  total: number;
  threshold: number;
  /** True when `count` reaches the threshold: the "delegation dressed up as distribution" warning applies. */
  warning: boolean;
}

/** The statements in form order: the order of a result's answers. */
export function statements(d: Pick<DiagnosticData, 'dimensions'>): { id: string; text: string; dimension: string }[] {
  return d.dimensions.flatMap((dim) => dim.statements.map((s) => ({ ...s, dimension: dim.id })));
}

/**
 * Why an answers array cannot be scored, as sentences; empty when it can. An answer is a whole
 * number on the scale (1–5), one per statement, in form order.
 */
export function answerProblems(d: Pick<DiagnosticData, 'dimensions' | 'scale'>, answers: readonly unknown[]): string[] {
  const expected = statements(d).length;
  const problems: string[] = [];
  if (answers.length !== expected) problems.push(`Expected ${expected} answers, got ${answers.length}.`);
  const min = d.scale[0]?.value ?? 1;
  const max = d.scale.at(-1)?.value ?? 5;
  answers.forEach((a, i) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < min || a > max) {
      problems.push(`Answer ${i + 1} is ${JSON.stringify(a) ?? String(a)}, not a whole number from ${min} to ${max}.`);
    }
  });
  return problems;
}

/** Why a flags array cannot be read, as sentences; empty when it can: one yes/no per red flag. */
export function flagProblems(d: Pick<DiagnosticData, 'integrity'>, flags: readonly unknown[]): string[] {
  const expected = d.integrity.flags.length;
  const problems: string[] = [];
  if (flags.length !== expected) problems.push(`Expected ${expected} red-flag answers, got ${flags.length}.`);
  flags.forEach((f, i) => {
    if (typeof f !== 'boolean') problems.push(`Red-flag answer ${i + 1} is not yes or no.`);
  });
  return problems;
}

/** True when a saved result fits this diagnostic (editing the statements can make old results unreadable). */
export function isReadable(d: Diagnostic, result: { answers: readonly unknown[]; flags: readonly unknown[] }): boolean {
  return answerProblems(d, result.answers).length === 0 && flagProblems(d, result.flags).length === 0;
}

/** Indexes (form order) of the statements or flags still without an answer. */
export function unanswered(values: readonly (number | boolean | undefined)[], count: number): number[] {
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (values[i] === undefined) missing.push(i);
  return missing;
}

/** The band a dimension score falls in. Throws for a score outside every band. */
export function bandFor(bands: readonly Band[], score: number): Band {
  const band = bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`No band holds the score ${score}.`);
  return band;
}

/** Each dimension's score (the sum of its answers) and band, in form order. Throws on answers that cannot be scored. */
export function dimensionScores(d: Diagnostic, answers: readonly number[]): DimensionScore[] {
  const problems = answerProblems(d, answers);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  let next = 0;
  return d.dimensions.map((dim) => {
    const score = dim.statements.reduce((sum) => sum + (answers[next++] ?? 0), 0);
    return { dimension: dim.id, title: dim.title, score, band: bandFor(d.bands, score) };
  });
}

function holds(condition: Condition, bands: ReadonlyMap<string, string>): boolean {
  return bands.get(condition.dimension) === condition.band;
}

/** True when the rule holds for these bands (dimension id → band id): all of `all`, and one of `any` if given. */
export function ruleMatches(rule: ProfileRule, bands: ReadonlyMap<string, string>): boolean {
  const all = rule.all?.every((c) => holds(c, bands)) ?? true;
  const any = rule.any?.some((c) => holds(c, bands)) ?? true;
  return all && any;
}

/** The score-based profiles that match, in the data's order. Context profiles never match by scores. */
export function matchProfiles(d: Pick<DiagnosticData, 'profiles'>, scores: readonly DimensionScore[]): Profile[] {
  const bands = new Map(scores.map((s) => [s.dimension, s.band.id]));
  return d.profiles.filter((p) => p.when !== undefined && ruleMatches(p.when, bands));
}

/** The profiles offered beside one context question. */
export function contextProfiles(d: Pick<DiagnosticData, 'profiles'>, questionId: string): Profile[] {
  return d.profiles.filter((p) => p.context?.includes(questionId) ?? false);
}

/** "a", "a and b", "a, b, and c": the serial comma keeps titles that contain "and" readable. */
function joinClauses(parts: string[], conjunction: 'and' | 'or'): string {
  if (parts.length <= 2) return parts.join(` ${conjunction} `);
  return `${parts.slice(0, -1).join(', ')}, ${conjunction} ${parts.at(-1)}`;
}

/** A rule in words: "Distributed expertise is a constraint or Decision rights and accountability is a constraint". */
export function describeRule(d: Pick<DiagnosticData, 'dimensions' | 'bands'>, rule: ProfileRule): string {
  const title = new Map(d.dimensions.map((x) => [x.id, x.title]));
  const label = new Map(d.bands.map((x) => [x.id, x.label.toLowerCase()]));
  const phrase = (c: Condition) => {
    const band = label.get(c.band) ?? c.band;
    // "is a constraint", "is a strength", but "is developing": band labels are nouns or participles.
    const article = band.endsWith('ing') ? '' : /^[aeiou]/.test(band) ? 'an ' : 'a ';
    return `${title.get(c.dimension) ?? c.dimension} is ${article}${band}`;
  };
  const all = rule.all ? joinClauses(rule.all.map(phrase), 'and') : '';
  const any = rule.any ? joinClauses(rule.any.map(phrase), 'or') : '';
  if (all && any) return `${all}, and ${(rule.any?.length ?? 0) > 1 ? `either ${any}` : any}`;
  return all || any;
}

/** How many red flags were answered "yes", and whether that reaches the warning's threshold. */
export function redFlags(d: Pick<DiagnosticData, 'integrity'>, flags: readonly boolean[]): FlagSummary {
  const problems = flagProblems(d, flags);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  const count = flags.filter(Boolean).length;
  const { threshold } = d.integrity;
  return { count, total: flags.length, threshold, warning: count >= threshold };
}

/** The latest scores beside an earlier result's, dimension by dimension, with the change. */
export function compareScores(latest: readonly DimensionScore[], previous: readonly DimensionScore[] | undefined): Comparison[] {
  const before = new Map(previous?.map((s) => [s.dimension, s.score]));
  return latest.map((s) => {
    const old = before.get(s.dimension);
    return old === undefined ? { ...s } : { ...s, previous: old, change: s.score - old };
  });
}

/** "+2", "−1" (a true minus sign), "no change". */
export function formatChange(change: number): string {
  if (change === 0) return 'no change';
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}

export interface DiagnosticSummary {
  scores: Comparison[];
  profiles: Profile[];
  flags: FlagSummary;
  /** True when `scores` carries an earlier result's scores. */
  compared: boolean;
}

/** Everything the result view shows about a result, compared with an earlier one when that one is readable. */
export function summarise(
  d: Diagnostic,
  result: { answers: readonly number[]; flags: readonly boolean[] },
  previous?: { answers: readonly unknown[]; flags: readonly unknown[] },
): DiagnosticSummary {
  const latest = dimensionScores(d, result.answers);
  const earlier = previous && isReadable(d, previous) ? dimensionScores(d, previous.answers as number[]) : undefined;
  return {
    scores: compareScores(latest, earlier),
    profiles: matchProfiles(d, latest),
    flags: redFlags(d, result.flags),
    compared: earlier !== undefined,
  };
}
