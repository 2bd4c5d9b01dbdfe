import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { artefactSchema } from './schemas/artefact';
import { caseSchema } from './schemas/case';
import { courseSchema } from './schemas/course';
import { diagnosticSchema } from './schemas/diagnostic';
import { figureSchema } from './schemas/figure';
import { glossarySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { precheckSchema } from './schemas/precheck';
import { questionSetSchema } from './schemas/question';
import { referenceSchema } from './schemas/reference';
import { scenarioSchema } from './schemas/scenario';

/** `01-leadership-in-the-plural.mdx` → `leadership-in-the-plural`: the number orders files, the slug is the id. */
function lessonId({ entry }: { entry: string }): string {
  return entry.replace(/\.(mdx?|ya?ml)$/, '').replace(/^\d+-/, '');
}

export const collections = {
  course: defineCollection({ loader: file('./content/course.yaml'), schema: courseSchema }),
  lessons: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/lessons', generateId: lessonId }),
    schema: lessonSchema,
  }),
  glossary: defineCollection({ loader: file('./content/glossary.yaml'), schema: glossarySchema }),
  references: defineCollection({ loader: file('./content/references.yaml'), schema: referenceSchema }),
  diagnostic: defineCollection({ loader: file('./content/diagnostic.yaml'), schema: diagnosticSchema }),
  /** Branching scenarios, one file each; the file name is the id. */
  scenarios: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/scenarios', generateId: lessonId }),
    schema: scenarioSchema,
  }),
  /** The optional pre-check, revisited at the end of the course. */
  precheck: defineCollection({ loader: file('./content/precheck.yaml'), schema: precheckSchema }),
  cases: defineCollection({ loader: file('./content/cases.yaml'), schema: caseSchema }),
  /** One file of questions per lesson: knowledge checks and final-assessment items. */
  questions: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/questions', generateId: lessonId }),
    schema: questionSetSchema,
  }),
  /** Artefacts (work products the learner builds), one file each; the file name is the id. */
  artefacts: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/artefacts', generateId: lessonId }),
    schema: artefactSchema,
  }),
  /** Figures (inline SVG drawn at build time), one file each; the file name is the id. */
  figures: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/figures', generateId: lessonId }),
    schema: figureSchema,
  }),
};
