import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { staffRoles, type StaffRole } from '@shop/contracts/staff-duties';
import { applyPermissions, isStaff, staffMay } from '../../src/server/permissions.js';
import type { Identity, Role } from '../../src/identity/identity.js';

/** A shop in miniature: reading the admin, changing a price, adjusting points, managing staff. */
function miniatureShop(): GraphQLSchema {
  // `_service`: the kit governs federation's own field in every subgraph.
  const schema = buildSchema(`type Query { adminOrders: Int, _service: _Service }
    type _Service { sdl: String }
    type Mutation { updateSku: Int, adjustPoints: Int, setStaffRole: Int }`);
  return applyPermissions(schema, {
    Query: { adminOrders: isStaff },
    Mutation: {
      updateSku: staffMay('catalog'),
      adjustPoints: staffMay('customers'),
      setStaffRole: staffMay('staff'),
    },
  });
}

async function allowed(schema: GraphQLSchema, roles: Role[], field: string): Promise<boolean> {
  const identity: Identity = { kind: 'user', userId: 'someone', roles };
  const operation = field === 'adminOrders' ? `{ ${field} }` : `mutation { ${field} }`;
  const rootValue = { adminOrders: 1, updateSku: 1, adjustPoints: 1, setStaffRole: 1 };
  const result = await graphql({
    schema,
    source: operation,
    rootValue,
    contextValue: { identity },
  });
  if (result.errors?.length) {
    expect(result.errors[0]!.extensions.code).toBe('FORBIDDEN');
    return false;
  }
  return true;
}

describe('staff roles', () => {
  it('let every member of staff read and each change only what their role’s duty allows', async () => {
    const schema = miniatureShop();
    const fields = ['adminOrders', 'updateSku', 'adjustPoints', 'setStaffRole'] as const;
    const table: Record<string, boolean[]> = {};
    for (const role of [...staffRoles, 'CUSTOMER'] as (StaffRole | 'CUSTOMER')[])
      table[role] = await Promise.all(fields.map((field) => allowed(schema, [role], field)));
    expect(table).toEqual({
      ADMIN: [true, true, true, true],
      OPERATOR: [true, true, false, false],
      CS: [true, false, true, false],
      VIEWER: [true, false, false, false],
      CUSTOMER: [false, false, false, false],
    });
  });
});
