/** How `pnpm start` runs the shop. */
export type StartMode = 'embedded' | 'real' | 'processes';

/** Where a developer finds the running shop. */
export interface ShopAddresses {
  mode: StartMode;
  storefront: string;
  admin: string;
  /** The router's `/graphql`. */
  router: string;
  /** Where a browser gets the GraphQL IDE; none in production. */
  ide?: string;
}

const modeDescriptions: Record<StartMode, string> = {
  embedded: 'embedded (SQLite, in-process events, memory caches)',
  real: 'on the real services (MySQL, Kafka, Redis, OpenSearch)',
  processes: 'on the real services, every service a process of its own',
};

/** The few lines `pnpm start` prints on a terminal once everything answers. */
export function startBanner({ mode, storefront, admin, router, ide }: ShopAddresses): string {
  const rows: [string, string][] = [
    ['Storefront', storefront],
    ['Admin', admin],
    ['GraphQL', router],
  ];
  if (ide) rows.push(['GraphQL IDE', `${ide} (in a browser)`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    `  Shop is running ${modeDescriptions[mode]}`,
    '',
    ...rows.map(([label, url]) => `  ${label.padEnd(width)}  ${url}`),
    '',
    '  First administrator: pnpm create-admin --email you@example.com',
    '  Ctrl+C stops everything.',
    '',
    '',
  ].join('\n');
}
