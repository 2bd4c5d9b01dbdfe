import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens');

/** One part of the work product the learner writes. */
export const artefactFieldSchema = z.strictObject({
  /** Stable within the artefact (`scope`); progress keeps what the learner wrote by it. */
  id: slug,
  /** The part's name, the field's label (“Scope and outcome”). */
  label: z.string().min(3),
  /** One or two sentences on what to write, shown under the label. */
  hint: z.string().min(10),
  /** True for a part the artefact is complete without. Default false: the part is required. */
  optional: z.boolean().default(false),
  /** Height of the text box, in lines. */
  rows: z.number().int().min(1).max(10).default(3),
});

/** One rubric criterion: a statement the learner (or a peer, in a workshop) judges as met, partly met or not yet met. */
export const criterionSchema = z.strictObject({
  /** Stable within the artefact (`limits-explicit`); progress keeps the self-assessment by it. */
  id: slug,
  /** The criterion, as a statement about the draft (“Every limit on the delegate's authority is written down”). */
  text: z.string().min(10),
});

/**
 * A work product a production objective asks for (draft, map, design, construct), built by the
 * learner on their own team: `content/artefacts/<id>.yaml`, placed with `<Artefact id="…" />` in its lesson.
 */
export const artefactSchema = z
  .strictObject({
    /** As the builder's heading says it (“Your delegation agreement”). */
    title: z.string().min(3),
    /** The lesson that places it (its slug); the lesson must embed `<Artefact id="…" />`. */
    lesson: slug,
    /** The objective of that lesson it practises (`l2-draft`). */
    objective: slug,
    /** One or two sentences: what to produce, for which team. */
    intro: z.string().min(10),
    /** The parts, in the order the learner writes them: two to ten. */
    fields: z.array(artefactFieldSchema).min(2).max(10),
    /** A worked example: a clearly fictional team (or facts from the course brief), one value per field. */
    exemplar: z.strictObject({
      /** Who the example is about; says that it is fictional. */
      setting: z.string().min(10),
      /** What the example writes for each field, by field id. */
      values: z.record(z.string(), z.string().min(5)),
    }),
    /** Three to six criteria the learner self-assesses against (and a trainer can use for peer review). */
    rubric: z.array(criterionSchema).min(3).max(6),
  })
  .superRefine((a, ctx) => {
    const unique = (ids: string[], path: 'fields' | 'rubric') =>
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `"${id}" is used twice; ids must be unique in the artefact` });
      });
    unique(a.fields.map((f) => f.id), 'fields');
    unique(a.rubric.map((c) => c.id), 'rubric');
    for (const f of a.fields) {
      if (!a.exemplar.values[f.id]) ctx.addIssue({ code: 'custom', path: ['exemplar', 'values', f.id], message: `the exemplar has no value for field "${f.id}"; the worked example fills every field` });
    }
    for (const key of Object.keys(a.exemplar.values)) {
      if (!a.fields.some((f) => f.id === key)) ctx.addIssue({ code: 'custom', path: ['exemplar', 'values', key], message: `"${key}" is not a field of the artefact (${a.fields.map((f) => f.id).join(', ')})` });
    }
    if (!/fictional|course brief/i.test(a.exemplar.setting)) {
      ctx.addIssue({ code: 'custom', path: ['exemplar', 'setting'], message: 'say that the example is fictional (or which course-brief facts it is written from)' });
    }
  });

export type Artefact = z.infer<typeof artefactSchema>;
