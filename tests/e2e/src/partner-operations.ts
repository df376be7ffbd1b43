import { operationIdOf } from '@shop/contracts/operation-manifest';

/** The admin operations that set a partner up, as the admin dashboard sends them. */
export const createPartner = `mutation CreatePartner($input: CreatePartnerInput!) {
  createPartner(input: $input) {
    __typename ... on Partner { id name } ... on ErrorResult { errorCode message }
  }
}`;
export const issuePartnerKey = `mutation IssuePartnerKey($input: IssuePartnerKeyInput!) {
  issuePartnerKey(input: $input) {
    __typename
    ... on IssuedPartnerKey { key partnerKey { id prefix scopes revokedAt } }
    ... on ErrorResult { errorCode message }
  }
}`;
export const revokePartnerKey = `mutation RevokePartnerKey($id: ID!) {
  revokePartnerKey(id: $id) { id revokedAt }
}`;
export const registerPartnerManifest = `mutation RegisterPartnerManifest($partnerId: ID!, $manifest: String!) {
  registerPartnerManifest(partnerId: $partnerId, manifest: $manifest) {
    __typename
    ... on Partner { id operations { id name rootFields } }
    ... on InvalidInput { issues { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

/** An Apollo persisted query manifest of these operations (name → body). */
export function manifestOf(operations: Record<string, string>): string {
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: Object.entries(operations).map(([name, body]) => ({
      id: operationIdOf(body),
      name,
      type: 'query',
      body,
    })),
  });
}

export interface PartnerResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the shapes
  data?: any;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** A partner's request: its key and a body of its choosing (a persisted id, or not). */
export async function partnerRequest(
  routerUrl: string,
  key: string | undefined,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<PartnerResponse> {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'x-shop-partner-key': key }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Omit<PartnerResponse, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...answer };
}

export const persisted = (body: string, variables?: Record<string, unknown>) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: operationIdOf(body) } },
  ...(variables ? { variables } : {}),
});
