/** A small bar chart (SVG, no library): one bar per label, the value written above it. */
export function BarChart(props: { title: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const width = 48;
  const height = 160;
  return (
    <figure>
      <svg
        role="img"
        aria-label={props.title}
        viewBox={`0 0 ${props.bars.length * width} ${height + 40}`}
        style={{ width: '100%', maxWidth: props.bars.length * 80 }}
      >
        {props.bars.map((bar, index) => {
          const barHeight = Math.round((bar.value / max) * height);
          return (
            <g key={bar.label} transform={`translate(${index * width}, 0)`}>
              <rect
                x={8}
                y={height - barHeight + 16}
                width={width - 16}
                height={barHeight}
                fill="#1b64da"
              />
              <text x={width / 2} y={height - barHeight + 12} fontSize="9" textAnchor="middle">
                {Math.round(bar.value / 1000)}k
              </text>
              <text x={width / 2} y={height + 32} fontSize="9" textAnchor="middle">
                {bar.label.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{props.title}</figcaption>
    </figure>
  );
}
