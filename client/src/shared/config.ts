/** What the server that hosts the apps tells them at start (`/config.json`), per environment. */
export interface ClientConfig {
  /** The router's GraphQL endpoint. */
  graphqlUrl: string;
  /** The payment gateway's hosted checkout page, and the shop's client key for it. */
  pgCheckoutUrl: string;
  pgClientKey: string;
}

export async function loadConfig(): Promise<ClientConfig> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return (await response.json()) as ClientConfig;
}
