/** The learner's notes as a Markdown document, for "Export my notes". */
import type { Note } from './progress/types';

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

export function notesToMarkdown(courseTitle: string, prompts: readonly NotePrompt[], notes: Readonly<Record<string, Note>>, now: string): string {
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
  if (lines.length === 4) lines.push('No notes written yet.', '');
  return lines.join('\n');
}
