/** The learner's notes as a Markdown document, for "Export my notes". */
import type { Note } from './progress/types';

export interface NotePrompt {
  id: string;
  prompt: string;
  lessonTitle: string;
  lessonHref: string;
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
    lines.push(`**${p.prompt}**`, '', ...note.text.split('\n').map((l) => (l ? `> ${l}` : '>')), '', `_Written ${note.at.slice(0, 10)}_`, '');
  }
  if (lines.length === 4) lines.push('No notes written yet.', '');
  return lines.join('\n');
}
