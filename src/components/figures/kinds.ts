/**
 * The component that draws each kind of figure (`kind:` in content/figures/*.yaml), with the
 * schema of its data in src/schemas/figure-kinds/. Append; keep one line per kind.
 * A kind component gets `{ id, name, data }` and renders <FigureCanvas> (one or more variants)
 * and <FigureText> (the text equivalent of everything it draws), from the same data.
 */
import Sequence from './Sequence.astro';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const KINDS: Record<string, (props: any) => any> = {
  sequence: Sequence,
};
