/** The pre-check's actions, apart from the core store (only the pre-check page loads them). */
import type { Stance } from '../lib/progress/types';
import { recordPrecheck, skipPrecheck } from '../lib/retrieval/precheck';
import { now, update } from './progress';

export function savePrecheck(round: 'before' | 'after', answers: Record<string, Stance>): void {
  update((p) => recordPrecheck(p, round, answers, now()));
}

export function skipThePrecheck(): void {
  update((p) => skipPrecheck(p, now()));
}
