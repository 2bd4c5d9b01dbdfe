/** The learner's notes, and their artefacts, as a Markdown document, for "Export my notes". */
import type { ArtefactSpec } from './artefact';
import { RATINGS } from './ratings';
import type { ArtefactState, Note } from './progress/types';
import { planToMarkdown, type PlanDraft } from './plan';

export interface NotePrompt {
  id: string;
  prompt: string;
  lessonTitle: string;
  lessonHref: string;
}

/**
 * One line of a note as Markdown text that renders as written: HTML's `<`, `>` and `&` as entities,
 * Markdown's inline marks (emphasis, code, links and images, tables, strikethrough) and a line's
 * opening block marks (heading, list, rule, setext underline) escaped with a backslash.
 */
export function markdownText(line: string): string {
  return line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^[#=+-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A note's text as blockquote lines: every line break (CRLF, CR or LF) stays inside the quote, and
 * a line's indent is dropped (four spaces would make it a code block).
 */
export function quote(text: string): string[] {
  return text.split(/\r\n?|\n/).map((l) => (l.trim() ? `> ${markdownText(l.trimStart())}` : '>'));
}

/** An artefact the notes page lists: its content, and the lesson that places it. */
export interface ArtefactEntry extends ArtefactSpec {
  lessonTitle: string;
  lessonHref: string;
}

/** An artefact as Markdown lines: a heading, each part quoted as written, and the self-assessment. */
export function artefactToMarkdown(spec: ArtefactSpec, state: ArtefactState): string[] {
  const lines = [`### ${spec.title}`, ''];
  for (const f of spec.fields) {
    const text = state.fields[f.id]?.trim();
    lines.push(`**${f.label}**`, '', ...(text ? quote(text) : ['_(not written yet)_']), '');
  }
  lines.push('**Self-assessment against the rubric**', '');
  for (const c of spec.rubric) lines.push(`- ${RATINGS.find((r) => r.id === state.rubric[c.id])?.label ?? 'Not assessed yet'}: ${c.text}`);
  lines.push('', `_Saved ${state.at.slice(0, 10)}_`, '');
  return lines;
}

/** What the notes export adds after the notes: the artefacts (every one of the course, in course order; those not saved are left out) and the 90-day plan. */
export interface WorkProducts {
  artefacts: readonly ArtefactEntry[];
  saved: Readonly<Record<string, ArtefactState>>;
  plan?: PlanDraft | undefined;
}

/** The notes, by lesson, then the work products the learner has saved. */
export function notesToMarkdown(
  courseTitle: string,
  prompts: readonly NotePrompt[],
  notes: Readonly<Record<string, Note>>,
  now: string,
  work: WorkProducts = { artefacts: [], saved: {} },
): string {
  const { artefacts, saved, plan } = work;
  const lines = [`# My notes: ${courseTitle}`, '', `Exported ${now.slice(0, 10)}.`, ''];
  let lesson = '';
  for (const p of prompts) {
    const note = notes[p.id];
    if (!note?.text) continue;
    if (p.lessonTitle !== lesson) {
      lesson = p.lessonTitle;
      lines.push(`## ${lesson}`, '');
    }
    lines.push(`**${p.prompt}**`, '', ...quote(note.text), '', `_Written ${note.at.slice(0, 10)}_`, '');
  }
  const works = artefacts.filter((a) => saved[a.id]);
  if (lines.length === 4) lines.push('No notes written yet.', '');
  if (works.length || plan) lines.push('## My work products', '');
  for (const a of works) lines.push(...artefactToMarkdown(a, saved[a.id]!), `_From “${a.lessonTitle}”_`, '');
  // The plan's own Markdown (lib/plan.ts), under a heading of this document's level.
  if (plan) lines.push('### My 90-day experiment', '', ...planToMarkdown(plan, courseTitle, now).split('\n').slice(4));
  return lines.join('\n');
}
