/**
 * The path map: the scenario's decisions as columns of moves, the learner's path drawn through
 * them, and the endings with those reached so far marked; with the same facts as text. Its words
 * are HTML boxes with a solid background (in `foreignObject`), so that their contrast can be
 * computed: text drawn on an SVG has the image behind it.
 */
import type { Step } from '../../lib/scenario/engine';
import type { Scenario } from '../../schemas/scenario';

export interface PathMapProps {
  id: string;
  scenario: Scenario;
  steps: Step[];
  ending: string | undefined;
  reached: string[];
}

const COL = 150;
const ROW = 44;
const TOP = 34;

/** Decisions in the order a breadth-first walk from the start meets them. */
function columns(scenario: Scenario): string[] {
  const order: string[] = [];
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (order.includes(id)) continue;
    order.push(id);
    for (const c of scenario.nodes.find((n) => n.id === id)?.choices ?? []) if (c.next !== 'end') queue.push(c.next);
  }
  return order;
}

export function PathMap({ id, scenario, steps, ending, reached }: PathMapProps) {
  const cols = columns(scenario);
  const rows = Math.max(scenario.endings.length, ...scenario.nodes.map((n) => n.choices.length));
  // Room for the ending titles at the right.
  const width = 30 + cols.length * COL + 250;
  const height = TOP + rows * ROW + 10;
  const point = (nodeId: string, choiceId: string) => {
    const col = cols.indexOf(nodeId);
    const row = scenario.nodes.find((n) => n.id === nodeId)?.choices.findIndex((c) => c.id === choiceId) ?? 0;
    return { x: 30 + col * COL, y: TOP + row * ROW + ROW / 2 };
  };
  const endX = 30 + cols.length * COL;
  const endY = (i: number) => TOP + i * ROW + ROW / 2;
  const line = steps.map((s) => point(s.node, s.choice));
  const endIndex = scenario.endings.findIndex((e) => e.id === ending);
  if (endIndex >= 0) line.push({ x: endX, y: endY(endIndex) });
  const chosen = new Set(steps.map((s) => `${s.node}/${s.choice}`));
  const titleId = `map-${id}-title`;
  const summary = `Path map: ${steps.length} decisions taken${ending ? `, ending “${scenario.endings[endIndex]?.title}”` : ''}; ${reached.length} of ${scenario.endings.length} endings found so far.`;
  return (
    <figure class="path-map">
      <h4 id={`map-${id}-heading`}>Path map</h4>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} class="path-map__svg">
        <title id={titleId}>{summary}</title>
        {cols.map((nodeId, c) => (
          <foreignObject key={nodeId} x={30 + c * COL} y={4} width={COL - 10} height={20}>
            <p class="path-map__label">Decision {c + 1}</p>
          </foreignObject>
        ))}
        <foreignObject x={endX} y={4} width={COL - 10} height={20}>
          <p class="path-map__label">Endings</p>
        </foreignObject>
        <polyline points={line.map((p) => `${p.x},${p.y}`).join(' ')} class="path-map__path" />
        {scenario.nodes.flatMap((node) =>
          node.choices.map((c) => {
            const p = point(node.id, c.id);
            const on = chosen.has(`${node.id}/${c.id}`);
            return <circle key={`${node.id}/${c.id}`} cx={p.x} cy={p.y} r={on ? 9 : 6} class={on ? 'path-map__dot is-on' : 'path-map__dot'} />;
          }),
        )}
        {scenario.endings.map((e, i) => (
          <g key={e.id}>
            <rect x={endX - 8} y={endY(i) - 8} width={16} height={16} class={`path-map__end${reached.includes(e.id) ? ' is-found' : ''}${e.id === ending ? ' is-on' : ''}`} />
            <foreignObject x={endX + 16} y={endY(i) - ROW / 2} width={230} height={ROW}>
              <p class="path-map__text">{e.title}</p>
            </foreignObject>
          </g>
        ))}
      </svg>
      <figcaption>
        <p>{summary}</p>
        <ol>
          {steps.map((s, i) => {
            const node = scenario.nodes.find((n) => n.id === s.node);
            return <li key={s.node}>Decision {i + 1} ({node?.title}): {node?.choices.find((c) => c.id === s.choice)?.text}</li>;
          })}
        </ol>
        <p>Endings: {scenario.endings.map((e) => `${e.title}${e.id === ending ? ' (this run)' : reached.includes(e.id) ? ' (found)' : ' (not found yet)'}`).join('; ')}.</p>
      </figcaption>
    </figure>
  );
}
