import { z } from 'astro/zod';

/**
 * The optional pre-check, `content/precheck.yaml`, one entry keyed `precheck`: statements drawn from
 * the misconceptions the course corrects. The learner agrees, disagrees or is unsure at the start and
 * again at the end; the course then shows the change and which views agree with the evidence.
 * Saved answers are keyed by statement id, so ids must stay stable.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const precheckStatementSchema = z.strictObject({
  /** Unique in the pre-check; the key of saved answers. */
  id: z.string().regex(SLUG, 'use lowercase letters, digits and hyphens'),
  /** The statement, as a learner might believe it. */
  text: z.string().min(10),
  /** What the evidence in the course supports. */
  evidence: z.enum(['agree', 'disagree']),
  /** One or two sentences: what the evidence says, in the course's words. */
  why: z.string().min(10),
  /** The lesson (id) that teaches it; linked from the comparison. */
  lesson: z.string().regex(SLUG),
});

export const precheckSchema = z
  .strictObject({
    title: z.string().min(3),
    /** Shown above the statements. */
    intro: z.string().min(10),
    statements: z.array(precheckStatementSchema).min(3).max(12),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.statements.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['statements', i, 'id'], message: `duplicate statement id "${s.id}"` });
      seen.add(s.id);
    });
    const agree = data.statements.filter((s) => s.evidence === 'agree').length;
    // Not all one way: otherwise "always disagree" would be a cue.
    if (agree === 0 || agree === data.statements.length) ctx.addIssue({ code: 'custom', path: ['statements'], message: 'mix statements the evidence supports and statements it does not' });
  });

export type PrecheckContent = z.infer<typeof precheckSchema>;
