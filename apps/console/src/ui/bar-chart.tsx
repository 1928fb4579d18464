// A horizontal bar chart in plain SVG (a few rows per chart; no chart library needed).
export interface Bar {
  label: string;
  value: number | null;
}

export function BarChart({ title, bars, unit = '', max }: { title: string; bars: Bar[]; unit?: string; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const rowH = 24;
  const labelW = 140;
  const width = 460;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>{title}</figcaption>
      <svg role="img" aria-label={title} width="100%" viewBox={`0 0 ${width} ${Math.max(1, bars.length) * rowH}`} style={{ maxWidth: width }}>
        {bars.map((b, i) => {
          const w = b.value === null ? 0 : ((width - labelW - 60) * b.value) / top;
          return (
            <g key={b.label + i} transform={`translate(0 ${i * rowH})`}>
              <text x={0} y={16} fontSize={12}>
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              <rect x={labelW} y={4} width={w} height={rowH - 8} rx={3} fill="#228be6" />
              <text x={labelW + w + 6} y={16} fontSize={12}>
                {b.value === null ? 'n/a' : `${b.value}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
