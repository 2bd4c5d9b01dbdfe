/**
 * Answer cues a test-wise learner could use without understanding, measured per bank of choice
 * questions: absolute words (always, never, only…) in right vs wrong options, how often the correct
 * option is the longest, where the correct option sits in authoring order, and how many options are
 * correct in multiple-response items. Pure: the content checker prints it and fails on a bank that
 * breaks one of `CUE_LIMITS` (`npm run check:content`).
 */

export interface CueOption {
  text: string;
  correct: boolean;
}

export interface CueQuestion {
  kind: string;
  options?: readonly CueOption[];
}

/** Words that make a statement absolute: test-wise learners rule such options out. */
export const ABSOLUTE_WORDS = [
  'always', 'never', 'only', 'every', 'all', 'none', 'no one', 'nobody', 'must', 'proves', 'proven',
  'guarantees', 'guaranteed', 'completely', 'entirely', 'impossible', 'certainly',
] as const;

const absolute = new RegExp(`\\b(${ABSOLUTE_WORDS.join('|')})\\b`, 'i');

export function hasAbsoluteWord(text: string): boolean {
  return absolute.test(text);
}

export interface CueReport {
  /** Choice questions measured (single and multiple). */
  items: number;
  /** Single-answer and multiple-response items among them. */
  singles: number;
  multiples: number;
  /** What chance gives a single-answer item's correct option: the mean of 1/n (n options) (0–1). */
  chance: number;
  /** Share of correct options with an absolute word, and of wrong ones (0–1). */
  absoluteRight: number;
  absoluteWrong: number;
  /** Share of single-answer items whose correct option is strictly the longest (0–1). */
  longestCorrect: number;
  /** Single-answer items by the position (1-based, authoring order) of their correct option. */
  positions: Record<number, number>;
  /** Share of single-answer items whose correct option is at the most common position (0–1). */
  topPosition: number;
  /** Multiple-response items by "k of n" (k correct of n options). */
  kOfN: Record<string, number>;
  /** Share of multiple-response items with the most common number of correct options (0–1). */
  topK: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function cueReport(questions: readonly CueQuestion[]): CueReport {
  const choice = questions.filter((q) => (q.kind === 'single' || q.kind === 'multiple') && q.options?.length);
  let right = 0, rightAbsolute = 0, wrong = 0, wrongAbsolute = 0;
  let singles = 0, longest = 0;
  const positions: Record<number, number> = {};
  const kOfN: Record<string, number> = {};
  const ks: Record<number, number> = {};
  let multiples = 0;
  let chance = 0;
  for (const q of choice) {
    const options = q.options!;
    for (const o of options) {
      if (o.correct) {
        right++;
        if (hasAbsoluteWord(o.text)) rightAbsolute++;
      } else {
        wrong++;
        if (hasAbsoluteWord(o.text)) wrongAbsolute++;
      }
    }
    if (q.kind === 'single') {
      const at = options.findIndex((o) => o.correct);
      if (at < 0) continue;
      singles++;
      chance += 1 / options.length;
      positions[at + 1] = (positions[at + 1] ?? 0) + 1;
      const length = options[at]!.text.length;
      if (options.every((o, i) => i === at || o.text.length < length)) longest++;
    } else {
      const k = options.filter((o) => o.correct).length;
      multiples++;
      kOfN[`${k} of ${options.length}`] = (kOfN[`${k} of ${options.length}`] ?? 0) + 1;
      ks[k] = (ks[k] ?? 0) + 1;
    }
  }
  return {
    items: choice.length,
    singles,
    multiples,
    chance: share(chance, singles),
    absoluteRight: share(rightAbsolute, right),
    absoluteWrong: share(wrongAbsolute, wrong),
    longestCorrect: share(longest, singles),
    positions,
    topPosition: share(Math.max(0, ...Object.values(positions)), singles),
    kOfN,
    topK: share(Math.max(0, ...Object.values(ks)), multiples),
  };
}

/** The report as lines a reviewer reads. */
export function formatCueReport(name: string, r: CueReport): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const list = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
  return [
    `${name}: ${r.items} choice items`,
    `  absolute words: in ${pct(r.absoluteRight)} of correct options, ${pct(r.absoluteWrong)} of wrong ones`,
    `  correct option is the longest: ${pct(r.longestCorrect)} of single-answer items`,
    `  correct position (authoring order): ${list(r.positions)}; most common ${pct(r.topPosition)}`,
    `  multiple response, k of n: ${list(r.kOfN)}; most common k ${pct(r.topK)}`,
  ];
}

/**
 * When a bank is clearly cued (the README gives the reasons). Each limit applies once the bank has
 * `minItems` items of the kind it measures: below that one item moves a share by more than 12 points.
 */
export const CUE_LIMITS = {
  /** Fewest single-answer (or multiple-response) items for the limits on them to apply. */
  minItems: 8,
  /** Absolute words: one side (wrong or right options) may not carry them more than this many times as often as the other… */
  absoluteRatio: 1.5,
  /** …when the gap is also wider than this (so that "rare in both", 3% against 1%, passes). */
  absoluteGap: 0.1,
  /** Correct option strictly the longest, or at the most common position: at most this times chance (1/n). */
  overChance: 1.5,
  /** Correct option strictly the longest: at least this times chance, or "rule out the longest" is the cue. */
  underChance: 0.5,
  /** One number of correct options in at most this share of multiple-response items. */
  topK: 0.75,
} as const;

/** The limits a bank breaks, each naming the figure and the limit; empty when it is not clearly cued. */
export function cueProblems(r: CueReport, limits = CUE_LIMITS): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const problems: string[] = [];
  if (r.items >= limits.minItems) {
    const [more, less, side] = r.absoluteWrong >= r.absoluteRight ? [r.absoluteWrong, r.absoluteRight, 'wrong'] : [r.absoluteRight, r.absoluteWrong, 'correct'];
    const other = side === 'wrong' ? 'correct' : 'wrong';
    if (more > Math.max(less * limits.absoluteRatio, less + limits.absoluteGap)) {
      problems.push(`absolute words are in ${pct(more)} of ${side} options against ${pct(less)} of ${other} ones (limit: at most ${limits.absoluteRatio}× the other side or ${Math.round(limits.absoluteGap * 100)} points above it, whichever is higher)`);
    }
  }
  if (r.singles >= limits.minItems) {
    const max = r.chance * limits.overChance;
    const min = r.chance * limits.underChance;
    if (r.longestCorrect > max) problems.push(`the correct option is the longest in ${pct(r.longestCorrect)} of single-answer items (limit ${pct(max)}: ${limits.overChance}× the ${pct(r.chance)} chance gives)`);
    if (r.longestCorrect < min) problems.push(`the correct option is the longest in only ${pct(r.longestCorrect)} of single-answer items, so ruling out the longest pays (limit: at least ${pct(min)}, ${limits.underChance}× the ${pct(r.chance)} chance gives)`);
    if (r.topPosition > max) problems.push(`${pct(r.topPosition)} of single-answer items have their correct option at one position (limit ${pct(max)}: ${limits.overChance}× the ${pct(r.chance)} chance gives)`);
  }
  if (r.multiples >= limits.minItems && r.topK > limits.topK) {
    problems.push(`${pct(r.topK)} of multiple-response items have the same number of correct options (limit ${pct(limits.topK)})`);
  }
  return problems;
}
