/** The 90-day action plan (lesson 7): what a complete plan needs, and the plan as Markdown. */
import type { ActionPlan } from './progress/types';

export type PlanDraft = Omit<ActionPlan, 'at'>;

export const MECHANISMS = [
  'A team charter',
  'A peer commitment (like a CLOU)',
  'A delegation agreement',
  'A regular huddle',
  'A stop-and-flag signal (like an andon)',
] as const;

export interface PlanProblem {
  field: 'decision' | 'mechanism' | 'owner' | 'measures' | 'checkIn';
  message: string;
}

/** What is missing before the plan can be called complete; the plan is saved either way. */
export function planProblems(plan: PlanDraft, today: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!plan.decision.trim()) problems.push({ field: 'decision', message: 'Name the decision you will redistribute.' });
  if (!plan.mechanism.trim()) problems.push({ field: 'mechanism', message: 'Choose or describe the mechanism.' });
  if (!plan.owner.trim()) problems.push({ field: 'owner', message: 'Name the owner of the experiment.' });
  if (plan.measures.filter((m) => m.trim()).length < 2) problems.push({ field: 'measures', message: 'Give at least two measures.' });
  if (!plan.checkIn) problems.push({ field: 'checkIn', message: 'Set a check-in date.' });
  else if (plan.checkIn < today) problems.push({ field: 'checkIn', message: 'The check-in date is in the past.' });
  return problems;
}

export function planToMarkdown(plan: PlanDraft, courseTitle: string, now: string): string {
  const measures = plan.measures.filter((m) => m.trim());
  return [
    `# My 90-day experiment (${courseTitle})`,
    '',
    `Written ${now.slice(0, 10)}.`,
    '',
    `- **Decision to redistribute:** ${plan.decision.trim() || '(not written yet)'}`,
    `- **Mechanism:** ${plan.mechanism.trim() || '(not chosen yet)'}`,
    `- **Owner:** ${plan.owner.trim() || '(not named yet)'}`,
    `- **Measures:**${measures.length ? '' : ' (none yet)'}`,
    ...measures.map((m) => `  - ${m.trim()}`),
    `- **Check-in date:** ${plan.checkIn || '(not set yet)'}`,
    '',
  ].join('\n');
}
