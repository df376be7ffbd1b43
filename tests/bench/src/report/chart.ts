// The gateway comparison as a PNG: requests/s and p99 per gateway for each storefront query.
// Vega-Lite draws it as SVG (no canvas needed); resvg turns that into pixels.
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { GatewayRow } from '../sections/gateways.js';

const panel = (field: 'requestsPerSecond' | 'p99', title: string) => ({
  title,
  mark: { type: 'bar' as const, tooltip: false },
  encoding: {
    x: { field: 'gateway', type: 'nominal' as const, axis: null },
    y: { field, type: 'quantitative' as const, title },
    color: {
      field: 'gateway',
      type: 'nominal' as const,
      legend: { orient: 'bottom' as const, columns: 2, labelLimit: 0 },
    },
    column: { field: 'query', type: 'nominal' as const, title: null },
  },
  width: 220,
  height: 220,
});

export async function gatewayChartPng(rows: GatewayRow[], subtitle: string): Promise<Buffer> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The setting is a long sentence: one clause a line keeps the picture as wide as the panels.
    title: { text: 'Storefront queries through each gateway', subtitle: subtitle.split('; ') },
    data: { values: rows.map((row) => ({ ...row })) },
    vconcat: [panel('requestsPerSecond', 'requests/s'), panel('p99', 'p99 latency (ms)')],
    config: { font: 'DejaVu Sans', background: 'white' },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
}
