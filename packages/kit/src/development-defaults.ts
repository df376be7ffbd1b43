/**
 * Settings whose default (or a well-known value) only makes sense on a laptop: the PG and carrier
 * sandboxes, their test keys, the example Secret's placeholders. Where Kafka or OpenSearch runs is
 * not one: a single machine may well run them locally in production.
 * `loadConfig` refuses to start a production process (`NODE_ENV=production`, `SHOP_INFRA=real`)
 * while any of them is in effect, naming every one at once. The list is by key, so a service's
 * schema needs no marker: a new development default is one more entry here.
 */
export interface DevelopmentSetting {
  key: string;
  /**
   * The processes whose schema gives this key its development default when it is unset (`shop`,
   * the all-in-one process, runs them all). Unset elsewhere means the process does not use it.
   */
  defaultIn: readonly string[];
  /** The default those processes fall back to. */
  defaultValue: string;
  /** Whether a value (as set, or as the schema parsed it) is a development one. */
  isDevelopment(value: unknown): boolean;
  /** What to do instead. */
  fix: string;
  /**
   * Part of the PG or carrier sandbox: allowed where `SHOP_SANDBOXES=true` says a production-mode
   * process talks to the sandboxes on purpose (benchmarks, a staging run), and nowhere else.
   */
  sandbox?: boolean;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1', '0.0.0.0']);

function hostAndPort(address: string): { host: string; port: string } | undefined {
  try {
    const url = new URL(address.includes('://') ? address : `tcp://${address}`);
    return { host: url.hostname.toLowerCase(), port: url.port };
  } catch {
    return undefined;
  }
}

/** A URL (or `host:port`) on this machine; with `ports`, only on one of them. */
function isLocal(value: unknown, ports?: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return (
    parts.length > 0 &&
    parts.some((part) => {
      const address = hostAndPort(part);
      return (
        address !== undefined &&
        loopbackHosts.has(address.host) &&
        (!ports || ports.includes(address.port))
      );
    })
  );
}

export const developmentSettings: readonly DevelopmentSetting[] = [
  {
    key: 'SHOP_PG_SECRET_KEY',
    sandbox: true,
    defaultIn: ['payment', 'settlement'],
    defaultValue: 'test_sk_sandbox',
    isDevelopment: (value) => typeof value === 'string' && value.startsWith('test_sk_'),
    fix: "a PG test key (test_sk_…, the sandbox's by default): set the live secret key",
  },
  {
    key: 'SHOP_PG_URL',
    sandbox: true,
    defaultIn: ['payment', 'settlement'],
    defaultValue: 'http://127.0.0.1:4192',
    isDevelopment: (value) => isLocal(value),
    fix: "the local PG sandbox (this machine's address): set the payment gateway's API URL",
  },
  {
    key: 'SHOP_CARRIER_URL',
    sandbox: true,
    defaultIn: ['delivery', 'return'],
    defaultValue: 'http://127.0.0.1:4191',
    isDevelopment: (value) => isLocal(value),
    fix: "the local carrier sandbox (this machine's address): set the carrier's API URL",
  },
  {
    key: 'SHOP_CARRIER_WEBHOOK_SECRET',
    sandbox: true,
    defaultIn: ['delivery'],
    defaultValue: 'carrier_webhook_secret',
    isDevelopment: (value) => value === 'carrier_webhook_secret',
    fix: 'the development webhook secret: set the one the carrier signs its webhooks with',
  },
  {
    key: 'SHOP_CORS_ORIGINS',
    defaultIn: ['router'],
    defaultValue: 'http://localhost:5173,http://127.0.0.1:5173',
    isDevelopment: (value) =>
      Array.isArray(value) ? value.some((origin) => isLocal(origin)) : isLocal(value),
    fix: "the development client's origins (localhost): set the shop's own origins",
  },
  {
    key: 'SHOP_SEED_DEMO',
    defaultIn: [],
    defaultValue: 'false',
    isDevelopment: (value) => value === true || value === 'true',
    fix: 'fills an empty catalogue with the demo products: unset it',
  },
];

/** `secret.example.yaml`'s placeholders, copied as they are. */
function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && (value === 'replace-me' || value.startsWith('replace-with-'));
}

export interface DevelopmentSettingProblem {
  key: string;
  message: string;
}

/** Whether `env` is a production run, where development settings are refused. */
export function refusesDevelopmentSettings(env: Record<string, string | undefined>): boolean {
  // An embedded run (SQLite, in-process events) is development infrastructure by construction;
  // production-mode embedded runs (tests, benchmarks) keep their sandboxes.
  return env.NODE_ENV === 'production' && env.SHOP_INFRA === 'real';
}

/**
 * Every development setting in effect for process `service`: as set in `env`, as the schema
 * parsed it (`parsed`, if it did), or as the default a process that uses the key falls back to.
 */
export function developmentSettingProblems(
  service: string,
  env: Record<string, string | undefined>,
  parsed?: unknown,
): DevelopmentSettingProblem[] {
  const output =
    parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const problems: DevelopmentSettingProblem[] = [];
  const sandboxesWanted = env.SHOP_SANDBOXES === 'true';
  for (const setting of developmentSettings) {
    if (setting.sandbox && sandboxesWanted) continue;
    const raw = env[setting.key];
    if (raw === undefined || raw === '') {
      const usesDefault = service === 'shop' || setting.defaultIn.includes(service);
      const value = setting.key in output ? output[setting.key] : undefined;
      if (usesDefault && setting.isDevelopment(value ?? setting.defaultValue))
        problems.push({
          key: setting.key,
          message: `unset, so the development default ${setting.defaultValue} is in effect — ${setting.fix}`,
        });
      continue;
    }
    const value = setting.key in output ? output[setting.key] : raw;
    if (setting.isDevelopment(value) || setting.isDevelopment(raw))
      problems.push({ key: setting.key, message: `a development value — ${setting.fix}` });
  }
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SHOP_') && isPlaceholder(value))
      problems.push({
        key,
        message: "still the example Secret's placeholder: set the real value",
      });
  }
  return problems;
}
