/**
 * Spaced review: a short mixed check in a later lesson, drawn from the knowledge checks of earlier
 * lessons. Pure. The draw is seeded per learner and review, spreads over lessons (one question per
 * lesson before any lesson gets a second) and asks first what the learner missed the first time;
 * once the learner answers, the drawn ids are kept in progress, so the review stays put after a reload.
 */
import type { CheckState, Progress, Response } from '../progress/types';

/** The questions of one earlier lesson a review may ask. */
export interface ReviewPool {
  lesson: string;
  questions: string[];
}

/** A 32-bit hash of a text (FNV-1a), for seeds. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

/**
 * The seed of a review for this learner: its id and the learner's first visit to the course, which
 * stays the same across reloads and differs between learners.
 */
export function reviewSeed(reviewId: string, progress: Progress | undefined): number {
  const first = Object.values(progress?.lessons ?? {})
    .map((l) => l.visitedAt ?? '')
    .filter(Boolean)
    .sort()[0];
  return hash(`${reviewId}@${first ?? ''}`);
}

/** Missed at first: not answered, or not right on the first try. */
function missed(check: CheckState | undefined): boolean {
  return !check || check.score < 1 || check.attempts > 1;
}

/**
 * Draws `count` question ids from the pools: lessons in a seeded order, one question each, round
 * after round; within a lesson, questions missed before first, in a seeded order.
 */
export function drawReview(pools: readonly ReviewPool[], count: number, seed: number, checks: Progress['checks'] = {}): string[] {
  // A seeded order without a generator: sort by a hash of the seed and the id (small, and stable).
  const order = (ids: readonly string[]) => [...ids].sort((a, b) => hash(`${seed}:${a}`) - hash(`${seed}:${b}`));
  const byLesson = new Map(pools.map((p) => [p.lesson, p.questions]));
  const queues = order([...byLesson.keys()]).map((lesson) => {
    const ids = order(byLesson.get(lesson) ?? []);
    return [...ids.filter((q) => missed(checks[q])), ...ids.filter((q) => !missed(checks[q]))];
  });
  const out: string[] = [];
  for (let round = 0; out.length < count && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const id = queue[round];
      if (id !== undefined && out.length < count) out.push(id);
    }
  }
  return out;
}

/** The questions a review shows: the kept draw once answered, else a fresh seeded draw. */
export function reviewItems(reviewId: string, pools: readonly ReviewPool[], count: number, progress: Progress | undefined): string[] {
  const kept = progress?.reviews?.[reviewId]?.items;
  if (kept?.length) return kept;
  return drawReview(pools, count, reviewSeed(reviewId, progress), progress?.checks);
}

/** Records an answer to a review question; tries count as in a knowledge check. Earlier lessons' checks are untouched. */
export function recordReview(progress: Progress, reviewId: string, items: readonly string[], questionId: string, response: Response, score: number, now: string): Progress {
  const current = progress.reviews?.[reviewId];
  const previous = current?.answers[questionId];
  const answer: CheckState = { response, attempts: (previous?.attempts ?? 0) + 1, score, at: now };
  return {
    ...progress,
    reviews: { ...progress.reviews, [reviewId]: { items: current?.items.length ? current.items : [...items], answers: { ...current?.answers, [questionId]: answer }, at: now } },
    updatedAt: now,
  };
}
