/**
 * A lesson's estimated time, computed from its MDX body at build: the learner-facing words read at
 * about 200 a minute, plus minutes for each activity the lesson holds. Pure: no Astro, DOM or Preact.
 */

/** Reading speed for the estimate, in words a minute. */
export const WORDS_PER_MINUTE = 200;

/** Minutes a learner spends on one activity of each kind (in addition to reading the lesson's prose). */
export const ACTIVITY_MINUTES = {
  Check: 1.5,
  Scenario: 10,
  Reflection: 3,
  TeamDiagnostic: 12,
  ActionPlan: 15,
  Artefact: 12,
  ReviewCheck: 3,
  PreCheck: 4,
} as const;

export type ActivityKind = keyof typeof ACTIVITY_MINUTES;

const ACTIVITY_KINDS = Object.keys(ACTIVITY_MINUTES) as ActivityKind[];

/**
 * The learner-facing text of an MDX body: prose and the text inside components (a case study's
 * story, a callout), without code, imports/exports, HTML comments, tags or their attributes.
 */
export function learnerText(body: string): string {
  return body
    .replace(/^---\n[\s\S]*?\n---\n/, '') // frontmatter, if passed the whole file
    .replace(/```[\s\S]*?```/g, ' ') // fenced code
    .replace(/`[^`\n]*`/g, ' ') // inline code
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ') // MDX comments
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ') // tags with their attributes
    .replace(/\]\([^)]*\)/g, '] ') // link targets
    .replace(/[#*_|>[\]()]/g, ' ');
}

/** Words a learner reads in an MDX body (tokens holding a letter or a digit). */
export function countWords(body: string): number {
  return learnerText(body)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** How many of each activity component the body places. */
export function countActivities(body: string): Record<ActivityKind, number> {
  const counts = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Record<ActivityKind, number>;
  for (const match of body.matchAll(/<([A-Z][A-Za-z]*)[\s/>]/g)) {
    const name = match[1] as ActivityKind;
    if (name in ACTIVITY_MINUTES) counts[name] += 1;
  }
  return counts;
}

export interface LessonTime {
  words: number;
  readingMinutes: number;
  activityMinutes: number;
  /** Whole minutes, at least 1. */
  minutes: number;
  activities: Record<ActivityKind, number>;
}

/** The estimate for one lesson body. */
export function lessonTime(body: string): LessonTime {
  const words = countWords(body);
  const activities = countActivities(body);
  const readingMinutes = words / WORDS_PER_MINUTE;
  const activityMinutes = ACTIVITY_KINDS.reduce((sum, k) => sum + activities[k] * ACTIVITY_MINUTES[k], 0);
  return { words, readingMinutes, activityMinutes, activities, minutes: Math.max(1, Math.round(readingMinutes + activityMinutes)) };
}
