/**
 * The answer controls of a question, shared by knowledge checks and the final assessment:
 * radios (single choice), checkboxes (multiple response) or one select per item (classification).
 * Standard controls only, so keyboard and screen-reader use need nothing extra.
 */
import type { Question } from '../../schemas/question';
import type { Response } from '../../lib/progress/types';

export interface QuestionFieldsProps {
  question: Question;
  response: Response;
  onChange: (next: Response) => void;
  /** Prefix for ids and radio names, unique on the page. */
  idBase: string;
  /** Options in the order to show (the assessment shuffles them); defaults to the data's order. */
  optionIds?: readonly string[] | undefined;
}

export function emptyResponse(q: Question): Response {
  if (q.kind === 'single') return { kind: 'single', choice: '' };
  if (q.kind === 'multiple') return { kind: 'multiple', choices: [] };
  return { kind: 'classify', placements: {} };
}

/**
 * The answer the controls show now, read from the question's controls at the moment one changes.
 * Not from the last render: a re-render can come after the next change (stores batch them), and a
 * second tick or placement computed from the render before it would undo the first.
 */
function shown(q: Question, control: HTMLInputElement | HTMLSelectElement): Response {
  const group = control.closest('.check__items, .check__options') ?? control.parentElement!;
  if (q.kind === 'classify') {
    const placements: Record<string, string> = {};
    for (const item of q.items) {
      const select = group.querySelector<HTMLSelectElement>(`select[data-item="${CSS.escape(item.id)}"]`);
      if (select?.value) placements[item.id] = select.value;
    }
    return { kind: 'classify', placements };
  }
  const on = [...group.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
  return q.kind === 'single' ? { kind: 'single', choice: control.value } : { kind: 'multiple', choices: q.options.map((o) => o.id).filter((id) => on.includes(id)) };
}

export function QuestionFields({ question: q, response, onChange, idBase, optionIds }: QuestionFieldsProps) {
  if (q.kind === 'classify') {
    const placements = response.kind === 'classify' ? response.placements : {};
    return (
      <ol class="check__items">
        {q.items.map((item) => (
          <li class="check__item" key={item.id}>
            <label for={`${idBase}-${item.id}`}>{item.text}</label>
            <select
              id={`${idBase}-${item.id}`}
              data-item={item.id}
              value={placements[item.id] ?? ''}
              onChange={(e) => onChange(shown(q, e.currentTarget as HTMLSelectElement))}
            >
              <option value="">Choose a category…</option>
              {q.categories.map((c) => (
                <option value={c.id} key={c.id}>{c.label}</option>
              ))}
            </select>
          </li>
        ))}
      </ol>
    );
  }
  const options = optionIds ? optionIds.map((id) => q.options.find((o) => o.id === id)).filter((o) => o !== undefined) : q.options;
  const chosen = response.kind === 'multiple' ? response.choices : response.kind === 'single' ? [response.choice] : [];
  return (
    <div class="check__options">
      {options.map((o) => (
        <label class="check__option" key={o.id}>
          <input
            type={q.kind === 'single' ? 'radio' : 'checkbox'}
            name={q.kind === 'single' ? idBase : undefined}
            value={o.id}
            checked={chosen.includes(o.id)}
            onChange={(e) => onChange(shown(q, e.currentTarget as HTMLInputElement))}
          />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}
