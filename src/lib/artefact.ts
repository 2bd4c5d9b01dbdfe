/**
 * Artefacts (work products: the delegation agreement, the routine map, the convening plan, the
 * decision-rights map): when one is done (it counts toward its lesson's completion, with the
 * checks and scenarios of ./questions/completion), and saving one. As Markdown: ./notes.
 * Pure; loaded only by pages that place an artefact (and the notes page), not by every page.
 */
import type { ArtefactState, Progress } from './progress/types';
import { RATINGS } from './ratings';


/** What the builder and the notes page need of an artefact's content file. */
export interface ArtefactSpec {
  id: string;
  title: string;
  fields: { id: string; label: string; hint: string; optional: boolean; rows: number }[];
  rubric: { id: string; text: string }[];
}

/** What the lesson end needs to tell whether an artefact is done: its required fields and its criteria. */
export interface ArtefactRef {
  id: string;
  required: string[];
  rubric: string[];
}

/** The required fields and criteria of an artefact, as the lesson end checks them. */
export function artefactRef(spec: ArtefactSpec): ArtefactRef {
  return { id: spec.id, required: spec.fields.filter((f) => !f.optional).map((f) => f.id), rubric: spec.rubric.map((c) => c.id) };
}

/** What is still open: required parts not written, criteria not self-assessed. */
export function artefactLeft(ref: ArtefactRef, state: Pick<ArtefactState, 'fields' | 'rubric'> | undefined): { fields: number; criteria: number } {
  return {
    fields: ref.required.filter((id) => !state?.fields[id]?.trim()).length,
    criteria: ref.rubric.filter((id) => !RATINGS.some((r) => r.id === state?.rubric[id])).length,
  };
}

/** Done: every required part written and every criterion self-assessed (whatever the rating: it is the learner's judgement). */
export function artefactDone(ref: ArtefactRef, state: Pick<ArtefactState, 'fields' | 'rubric'> | undefined): boolean {
  const left = artefactLeft(ref, state);
  return left.fields === 0 && left.criteria === 0;
}

/** The artefacts of a lesson not done yet, in page order. */
export function unfinishedArtefacts(progress: Progress, refs: readonly ArtefactRef[]): string[] {
  return refs.filter((r) => !artefactDone(r, progress.artefacts?.[r.id])).map((r) => r.id);
}

/** “2 parts and 1 criterion still open.”, or '' when none is. */
export function leftMessage(left: { fields: number; criteria: number }): string {
  const parts = [
    left.fields && `${left.fields} ${left.fields === 1 ? 'part' : 'parts'} to write`,
    left.criteria && `${left.criteria} ${left.criteria === 1 ? 'criterion' : 'criteria'} to check`,
  ].filter(Boolean);
  return parts.length ? `Still open: ${parts.join(' and ')}.` : '';
}

/**
 * Saves an artefact. Blank fields are dropped; an artefact cleared of everything is kept empty
 * with its time, so that another tab's older copy does not bring it back.
 */
export function setArtefact(progress: Progress, id: string, draft: Pick<ArtefactState, 'fields' | 'rubric'>, now: string): Progress {
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, v]) => v.trim()));
  return { ...progress, artefacts: { ...progress.artefacts, [id]: { fields, rubric: { ...draft.rubric }, at: now } } };
}

