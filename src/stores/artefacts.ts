/** Saving an artefact (lib/artefact.ts), apart from the core store so that only pages with a builder load it. */
import { setArtefact } from '../lib/artefact';
import type { ArtefactState } from '../lib/progress/types';
import { now, update } from './progress';

export function saveArtefact(id: string, draft: Pick<ArtefactState, 'fields' | 'rubric'>): void {
  update((p) => setArtefact(p, id, draft, now()));
}
