/**
 * On a lesson page that places an artefact (components/Artefact.astro): when the learner presses
 * "Complete lesson", adds each artefact not done yet (lib/artefact.ts) to what is still open, which
 * the page's script (./site.ts) then lists. Loaded only by those pages.
 */
import { unfinishedArtefacts } from '../lib/artefact';
import { $progress } from '../stores/progress';

const words = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
const template = document.getElementById('lesson-left') as HTMLTemplateElement | null;
const refs = [...(template?.content.querySelectorAll<HTMLElement>('[data-rubric]') ?? [])].map((i) => ({
  id: i.dataset['left'] ?? '',
  required: words(i.dataset['required']),
  rubric: words(i.dataset['rubric']),
}));
addEventListener('lesson-left', (event) => {
  for (const id of unfinishedArtefacts($progress.get(), refs)) (event as CustomEvent<Set<string>>).detail.add(id);
});
