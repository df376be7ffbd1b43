export interface ServiceStatus {
  service: string;
  up: boolean;
  version: string | undefined;
  endpoint: string;
}

export function printStatus(statuses: ServiceStatus[]): void {
  const rows = statuses.map((status) => [
    status.service,
    status.up ? 'up' : 'down',
    status.version ?? '–',
    status.endpoint,
  ]);
  const header = ['service', 'state', 'version', 'endpoint'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  }
}
