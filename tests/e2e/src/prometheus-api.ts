/** An alert as Prometheus' `GET /api/v1/alerts` lists it (the fields the tests read). */
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
}

async function apiGet<T>(prometheusUrl: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, prometheusUrl));
  const body = (await response.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`prometheus ${path}: ${body.error}`);
  return body.data;
}

/** The alerts Prometheus holds now, pending or firing. */
export async function prometheusAlerts(prometheusUrl: string): Promise<PrometheusAlert[]> {
  return (await apiGet<{ alerts: PrometheusAlert[] }>(prometheusUrl, '/api/v1/alerts')).alerts;
}

/** An instant query's samples: labels and value. */
export async function prometheusQuery(
  prometheusUrl: string,
  expr: string,
): Promise<{ metric: Record<string, string>; value: number }[]> {
  const data = await apiGet<{
    result: { metric: Record<string, string>; value: [number, string] }[];
  }>(prometheusUrl, `/api/v1/query?query=${encodeURIComponent(expr)}`);
  return data.result.map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
}

/** The alert named `name` whose labels include `labels`, if Prometheus holds one in `state`. */
export async function alertIn(
  prometheusUrl: string,
  name: string,
  labels: Record<string, string>,
  state: PrometheusAlert['state'],
): Promise<PrometheusAlert | undefined> {
  return (await prometheusAlerts(prometheusUrl)).find(
    (alert) =>
      alert.labels.alertname === name &&
      alert.state === state &&
      Object.entries(labels).every(([key, value]) => alert.labels[key] === value),
  );
}
