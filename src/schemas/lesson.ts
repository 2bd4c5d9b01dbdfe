import { z } from 'astro/zod';

/** An objective: something the learner can do after the lesson. */
export const objectiveSchema = z.strictObject({
  /** Stable id (`l1-define`): assessment items name the objective they test by this id. Never reuse one. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens, e.g. "l1-define"'),
  /** Shown after "By the end of this lesson you can…": start with a verb, end with a full stop. */
  text: z.string().min(10),
});

/** Frontmatter of a lesson in `content/lessons/NN-slug.mdx`. Unknown fields are errors, not ignored. */
export const lessonSchema = z.strictObject({
  /** The lesson's title, shown on the page, in the lesson list and in the outline. */
  title: z.string().min(3),
  /** One or two sentences for the lesson list on the home page. */
  summary: z.string().min(10).max(400),
  /** Position in the course, starting at 1. Unique across lessons. */
  order: z.number().int().positive(),
  /** What the learner can do by the end; at least two, ids unique within the course. */
  objectives: z.array(objectiveSchema).min(2, 'a lesson needs at least 2 objectives'),
  /** Markdown notes for a workshop facilitator; hidden from learners unless trainer mode is on. */
  facilitatorNotes: z.string().optional(),
});

export type LessonData = z.output<typeof lessonSchema>;
export type Objective = z.output<typeof objectiveSchema>;
