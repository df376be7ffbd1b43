import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { bootstrapAdmin } from '@shop/auth/admin';
import { graphqlRequest } from '@shop/testkit';
import { repoRoot, type ShopProcess } from './shop-process.js';

const login = `mutation($input: LoginInput!) { login(input: $input) { ... on AuthSession { accessToken } } }`;

/** A new administrator of the running shop, logged in through the router: its access token. */
export async function adminSession(shop: ShopProcess): Promise<string> {
  const credentials = {
    email: `bench.admin.${randomUUID().slice(0, 8)}@example.com`,
    password: 'bench admin password',
  };
  if (shop.root === repoRoot) await bootstrapAdmin(shop.env, { ...credentials, name: 'Bench' });
  // Another commit's shop gets its administrator from its own code, which knows its schema.
  else
    execFileSync(
      process.execPath,
      [
        ...['--import', 'tsx', path.join(shop.root, 'subgraphs/auth/src/create-admin.ts')],
        ...['--email', credentials.email, '--name', 'Bench'],
      ],
      {
        cwd: shop.root,
        env: { ...shop.env, SHOP_ADMIN_PASSWORD: credentials.password },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  const answer = await graphqlRequest<{ login: { accessToken?: string } }>(shop.routerUrl, login, {
    variables: { input: credentials },
  });
  const token = answer.data?.login.accessToken;
  if (!token) throw new Error(`the bench admin could not log in: ${JSON.stringify(answer.errors)}`);
  return token;
}
