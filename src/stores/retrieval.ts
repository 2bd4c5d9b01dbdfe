/** The spaced-review checks' action, apart from the core store (only ReviewCheck loads it). */
import type { Response } from '../lib/progress/types';
import { recordReview } from '../lib/retrieval/review';
import { now, update } from './progress';

export function answerReview(reviewId: string, items: readonly string[], questionId: string, response: Response, score: number): void {
  update((p) => recordReview(p, reviewId, items, questionId, response, score, now()));
}
