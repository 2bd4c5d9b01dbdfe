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
              value={placements[item.id] ?? ''}
              onChange={(e) => {
                const { [item.id]: _previous, ...rest } = placements;
                const value = (e.currentTarget as HTMLSelectElement).value;
                onChange({ kind: 'classify', placements: value ? { ...rest, [item.id]: value } : rest });
              }}
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
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              if (q.kind === 'single') onChange({ kind: 'single', choice: o.id });
              else onChange({ kind: 'multiple', choices: on ? [...chosen, o.id] : chosen.filter((c) => c !== o.id) });
            }}
          />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}
