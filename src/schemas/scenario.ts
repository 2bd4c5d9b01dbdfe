import { z } from 'astro/zod';
import { PROCESSES } from '../lib/scenario/process';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens');

/** A meter tracked through the scenario, 0–10. */
export const meterSchema = z.strictObject({
  /** Stable id used by choices' effects and endings' rules (`trust`). */
  id: slug,
  /** As shown (“Trust”). */
  label: z.string().min(2),
  /** Value at the start, 0–10. */
  start: z.number().int().min(0).max(10),
  /** One sentence on what the meter means. */
  description: z.string().min(5),
});

/** A condition on a meter (`min`/`max` inclusive) or a flag (`set`, default true). */
export const conditionSchema = z.union([
  z.strictObject({ meter: slug, min: z.number().int().min(0).max(10).optional(), max: z.number().int().min(0).max(10).optional() }),
  z.strictObject({ flag: slug, set: z.boolean().default(true) }),
]);

/** A rule: all of `all` and at least one of `any` (when given) hold. */
export const ruleSchema = z.strictObject({
  all: z.array(conditionSchema).optional(),
  any: z.array(conditionSchema).optional(),
});

/** One move at a decision. */
export const choiceSchema = z.strictObject({
  /** Stable within the node; says what the move does (`take-command`), not how it is labelled. */
  id: slug,
  /** The move as the learner reads it. */
  text: z.string().min(5),
  /**
   * How the move makes the decision (src/lib/scenario/process.ts), shown in the debrief and the
   * policy report: decide, consult, facilitate, delegate, convene or step-back.
   */
  process: z.enum(PROCESSES),
  /** What happens next, in a short narrative. */
  consequence: z.string().min(10),
  /** Meter changes, by meter id (−10…10). */
  effects: z.record(z.string(), z.number().int().min(-10).max(10)).default({}),
  /** Flags this move sets, read by later variants and endings. */
  flags: z.array(slug).optional(),
  /** One line linking the consequence to the theory. */
  why: z.string().min(10),
  /** Id of the reference behind the `why` (content/references.yaml). */
  reference: slug.optional(),
  /** The next decision's id, or `end` to choose the ending. */
  next: z.string().min(1),
});

/** A decision point. */
export const nodeSchema = z.strictObject({
  id: slug,
  /** Short heading (“02:10 — first move”). */
  title: z.string().min(3),
  /** The situation. */
  text: z.string().min(10),
  /** Alternative situation texts, the first whose rule holds replaces `text`. */
  variants: z.array(z.strictObject({ when: ruleSchema, text: z.string().min(10) })).optional(),
  /** Three or four moves. */
  choices: z.array(choiceSchema).min(3).max(4),
});

/** An ending; the first whose rule holds is reached, else the fallback. */
export const endingSchema = z.strictObject({
  id: slug,
  title: z.string().min(3),
  /** What happened, and the lesson in it. */
  text: z.string().min(10),
  /** When it applies; omit it on the fallback ending. */
  when: ruleSchema.optional(),
  /** Exactly one ending is the fallback. */
  fallback: z.boolean().default(false),
  /** Exactly one ending is the best: the policy report checks that no decision process always reaches it. */
  best: z.boolean().default(false),
});

/** A branching scenario, `content/scenarios/<id>.yaml`. */
export const scenarioSchema = z.strictObject({
  title: z.string().min(3),
  /** One or two sentences for lists. */
  summary: z.string().min(10),
  /** The learner's role. */
  role: z.string().min(5),
  /** The setting; says that people and organisations are fictional. */
  setup: z.string().min(20),
  /** Id of the lesson that embeds the scenario (its ending counts toward that lesson's completion). */
  lesson: slug,
  meters: z.array(meterSchema).min(1).max(6),
  /** Id of the first decision. */
  start: slug,
  nodes: z.array(nodeSchema).min(1),
  /** In the order their rules are checked. */
  endings: z.array(endingSchema).min(1),
  /** Questions for the debrief. */
  debrief: z.array(z.string().min(10)).min(1),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioNode = z.output<typeof nodeSchema>;
export type ScenarioChoice = z.output<typeof choiceSchema>;
export type ScenarioEnding = z.output<typeof endingSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type Condition = z.output<typeof conditionSchema>;
