import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { courseSchema } from './schemas/course';
import { glossarySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { referenceSchema } from './schemas/reference';

/** `01-leadership-in-the-plural.mdx` → `leadership-in-the-plural`: the number orders files, the slug is the id. */
function lessonId({ entry }: { entry: string }): string {
  return entry.replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

export const collections = {
  course: defineCollection({ loader: file('./content/course.yaml'), schema: courseSchema }),
  lessons: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/lessons', generateId: lessonId }),
    schema: lessonSchema,
  }),
  glossary: defineCollection({ loader: file('./content/glossary.yaml'), schema: glossarySchema }),
  references: defineCollection({ loader: file('./content/references.yaml'), schema: referenceSchema }),
};
