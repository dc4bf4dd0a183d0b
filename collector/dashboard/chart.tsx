// One chart: uPlot draws it on a canvas, and the same numbers are given as a table under a
// disclosure, so that a screen reader, a keyboard user or a test reads them too.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface Series {
  label: string;
  values: (number | null)[];
}

export interface ChartProps {
  /** Names the chart (its figure caption and accessible name). */
  title: string;
  /** `bars`: one bar per category of `x` (strings); `lines`: one line per series over days (`x` in seconds). */
  type: 'bars' | 'lines';
  x: string[] | number[];
  series: Series[];
  /** The y axis's fixed range (NPS: -100 to 100); by default from 0 to the data's top. */
  range?: [number, number];
  /** How a value reads in the table (`4.2`, `+25`). */
  format?: (v: number) => string;
}

// Distinct in hue and lightness, so that series stay apart for colour-blind readers too.
const COLORS = ['#5b4cdb', '#e0822c', '#1f9d74', '#c33d6b', '#3a8fd6'];
const HEIGHT = 220;

const dayLabel = (seconds: number) => new Date(seconds * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

function options(p: ChartProps, width: number): uPlot.Options {
  const bars = p.type === 'bars';
  const labels = p.x as string[];
  return {
    width,
    height: HEIGHT,
    legend: { show: p.series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: bars ? { time: false, range: [-0.5, labels.length - 0.5] } : { time: true },
      y: { range: p.range ?? ((_u, _min, max) => [0, Math.max(1, max)]) },
    },
    axes: [
      bars
        ? { splits: () => labels.map((_, i) => i), values: (_u, splits) => splits.map((i) => labels[i] ?? ''), gap: 4 }
        : { values: (_u, splits) => splits.map(dayLabel) },
      {},
    ],
    series: [
      { label: bars ? 'Answer' : 'Day', value: (_u, v) => (v == null ? '—' : bars ? (labels[v] ?? '') : dayLabel(v)) },
      ...p.series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: bars ? 0 : 2,
        fill: bars ? COLORS[i % COLORS.length] : undefined,
        paths: bars ? uPlot.paths.bars!({ size: [0.7, 60] }) : undefined,
        points: { show: !bars },
        spanGaps: !bars,
      })),
    ],
  };
}

const data = (p: ChartProps): uPlot.AlignedData =>
  [p.type === 'bars' ? p.x.map((_, i) => i) : (p.x as number[]), ...p.series.map((s) => s.values)] as uPlot.AlignedData;

/** A uPlot chart that follows its container's width and its props' data. */
export function Chart(p: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // A change of kind, categories or series rebuilds the chart; new numbers only redraw it.
  const shape = JSON.stringify([p.type, p.type === 'bars' ? p.x : 0, p.series.map((s) => s.label), p.range]);
  useEffect(() => {
    const el = box.current!;
    const u = (plot.current = new uPlot(options(p, el.clientWidth || 300), data(p), el));
    const resize = new ResizeObserver(() => el.clientWidth && u.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [shape]);
  useEffect(() => plot.current?.setData(data(p)), [JSON.stringify(data(p))]);

  const format = p.format ?? String;
  const head = p.type === 'bars' ? 'Answer' : 'Day';
  const rowLabel = (i: number) => (p.type === 'bars' ? (p.x[i] as string) : dayLabel(p.x[i] as number));
  return (
    <figure class="chart">
      <figcaption>{p.title}</figcaption>
      <div ref={box} class="plot" role="img" aria-label={`${p.title}: chart; the same numbers are in the table below`} />
      <details>
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {p.series.map((s) => (
                <th scope="col">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.x.map((_, i) => (
              <tr>
                <th scope="row">{rowLabel(i)}</th>
                {p.series.map((s) => (
                  <td>{s.values[i] == null ? '—' : format(s.values[i]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
