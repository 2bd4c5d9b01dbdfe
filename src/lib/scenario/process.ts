/**
 * How a move makes the decision, in the vocabulary the lessons teach (lesson 2's Vroom–Yetton
 * processes and Vroom's Decide, Consult, Facilitate and Delegate; lesson 5's convening; the
 * laissez-faire non-decision). A move has a decision process, never a "style": distributed
 * leadership is a lens on practice, not a way a single move can be made.
 */
export const PROCESSES = ['decide', 'consult', 'facilitate', 'delegate', 'convene', 'step-back'] as const;

export type DecisionProcess = (typeof PROCESSES)[number];

/** As the debrief and the policy report show them. */
export const PROCESS_LABEL: Record<DecisionProcess, string> = {
  decide: 'Decide alone',
  consult: 'Consult, then decide',
  facilitate: 'Decide together (participation, GII)',
  delegate: 'Delegate',
  convene: 'Convene the parties',
  'step-back': 'Step back (laissez-faire)',
};
