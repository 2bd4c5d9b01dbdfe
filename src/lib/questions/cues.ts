/**
 * Answer cues a test-wise learner could use without understanding, measured per bank of choice
 * questions: absolute words (always, never, only…) in right vs wrong options, how often the correct
 * option is the longest, where the correct option sits in authoring order, and how many options are
 * correct in multiple-response items. Pure: the content checker prints it (`npm run check:content`).
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
