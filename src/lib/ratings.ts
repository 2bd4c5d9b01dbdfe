/**
 * The self-assessment scale of an artefact's rubric criteria, as the builder, the notes page and
 * the notes export say it. Its own module, so that the notes page does not load the builder's logic.
 */
import type { Rating } from './progress/types';

export const RATINGS: readonly { id: Rating; label: string }[] = [
  { id: 'yes', label: 'Yes' },
  { id: 'partly', label: 'Partly' },
  { id: 'no', label: 'Not yet' },
];
