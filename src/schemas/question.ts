import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens');

/** An answer option of a single-choice or multiple-response question. */
export const optionSchema = z.strictObject({
  /** Stable within the question (`a`, `b`…); responses are stored by it. */
  id: slug,
  /** The option as the learner reads it. */
  text: z.string().min(1),
  /** True for a correct option. */
  correct: z.boolean().default(false),
  /** Why this option is right or wrong; shown when chosen, and for a correct option the learner missed. */
  feedback: z.string().min(3),
});

/** Overall messages; defaults are used for any that are missing. */
const overallFeedbackSchema = z.strictObject({
  correct: z.string().optional(),
  partial: z.string().optional(),
  incorrect: z.string().optional(),
});

const common = {
  /** Unique across the course (`l1-check-delegation`). Progress stores answers by it. */
  id: slug,
  /** The objective id (from a lesson's frontmatter) this question assesses. */
  objective: slug,
  /** `check`: a knowledge check placed in a lesson with `<Check id="…" />`; `assessment`: an item of the final assessment bank. */
  use: z.enum(['check', 'assessment']),
  /** The question. Plain text; may span lines. */
  prompt: z.string().min(5),
  /** Shown with the correct answer: why it is correct, with the source when useful. */
  explanation: z.string().min(10),
  /** How many tries a knowledge check gives (the final assessment always gives one). */
  attempts: z.number().int().min(1).max(5).default(2),
  /** Overall correct / partly correct / incorrect messages. */
  feedback: overallFeedbackSchema.optional(),
  /**
   * Assessment items only: a tag shared by near-identical items (two wordings that test one fact,
   * e.g. `gronn-conjoint-agency`). One attempt never draws two items with the same tag; a tag must
   * be on at least two items.
   */
  variant: slug.optional(),
};

export const singleSchema = z.strictObject({
  ...common,
  /** One correct option. */
  kind: z.literal('single'),
  options: z.array(optionSchema).min(2).max(6),
});

export const multipleSchema = z.strictObject({
  ...common,
  /** "Select all that apply": one or more correct options, partial credit. */
  kind: z.literal('multiple'),
  options: z.array(optionSchema).min(3).max(8),
});

/** A category of a classification question. */
export const categorySchema = z.strictObject({ id: slug, label: z.string().min(1) });

/** An item the learner sorts into a category. */
export const classifyItemSchema = z.strictObject({
  id: slug,
  text: z.string().min(3),
  /** The id of the correct category. */
  category: slug,
  /** Why the item belongs there; shown after checking. */
  feedback: z.string().min(3).optional(),
});

export const classifySchema = z.strictObject({
  ...common,
  /** Sort 4–8 items into 2–5 categories. */
  kind: z.literal('classify'),
  categories: z.array(categorySchema).min(2).max(5),
  items: z.array(classifyItemSchema).min(4).max(8),
});

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

export const questionSchema = z
  .discriminatedUnion('kind', [singleSchema, multipleSchema, classifySchema])
  .superRefine((q, ctx) => {
    if (q.kind === 'single' || q.kind === 'multiple') {
      const correct = q.options.filter((o) => o.correct).length;
      if (q.kind === 'single' && correct !== 1) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `question "${q.id}": a single-choice question needs exactly one correct option (found ${correct})` });
      }
      if (q.kind === 'multiple' && correct < 1) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `question "${q.id}": no option is marked correct` });
      }
      for (const id of duplicates(q.options.map((o) => o.id))) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `question "${q.id}": option id "${id}" is used twice` });
      }
    } else {
      const categories = new Set(q.categories.map((c) => c.id));
      q.items.forEach((item, i) => {
        if (!categories.has(item.category)) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'category'], message: `question "${q.id}": item "${item.id}" has category "${item.category}", which is not one of the categories (${[...categories].join(', ')})` });
        }
      });
      for (const id of duplicates(q.items.map((o) => o.id))) {
        ctx.addIssue({ code: 'custom', path: ['items'], message: `question "${q.id}": item id "${id}" is used twice` });
      }
      for (const id of duplicates(q.categories.map((o) => o.id))) {
        ctx.addIssue({ code: 'custom', path: ['categories'], message: `question "${q.id}": category id "${id}" is used twice` });
      }
    }
  });

/** A file of questions, `content/questions/NN-slug.yaml`: usually one per lesson. */
export const questionSetSchema = z.strictObject({
  /** The id of the lesson these questions belong to. */
  lesson: slug,
  questions: z.array(questionSchema).min(1),
});

export type Question = z.output<typeof questionSchema>;
export type SingleQuestion = z.output<typeof singleSchema>;
export type MultipleQuestion = z.output<typeof multipleSchema>;
export type ClassifyQuestion = z.output<typeof classifySchema>;
export type QuestionSet = z.output<typeof questionSetSchema>;
