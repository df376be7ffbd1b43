import { randomUUID } from 'node:crypto';
import { bootstrapAdmin } from '@shop/auth/admin';
import { graphqlRequest } from '@shop/testkit';
import type { ShopProcess } from './shop-process.js';

const login = `mutation($input: LoginInput!) { login(input: $input) { ... on AuthSession { accessToken } } }`;

/** A new administrator of the running shop, logged in through the router: its access token. */
export async function adminSession(shop: ShopProcess): Promise<string> {
  const credentials = {
    email: `bench.admin.${randomUUID().slice(0, 8)}@example.com`,
    password: 'bench admin password',
  };
  await bootstrapAdmin(shop.env, { ...credentials, name: 'Bench' });
  const answer = await graphqlRequest<{ login: { accessToken?: string } }>(shop.routerUrl, login, {
    variables: { input: credentials },
  });
  const token = answer.data?.login.accessToken;
  if (!token) throw new Error(`the bench admin could not log in: ${JSON.stringify(answer.errors)}`);
  return token;
}
