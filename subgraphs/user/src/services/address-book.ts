import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@shop/kit/db';
import { Address } from '../domain/address.entity.js';
import { parseInput, type InputIssue } from '@shop/kit';
import { addressInputSchema } from './profile-input.js';

export const maxAddresses = 20;

export type AddressOutcome =
  | { kind: 'saved'; address: Address }
  | { kind: 'invalid-input'; issues: InputIssue[] }
  | { kind: 'not-found' }
  | { kind: 'limit-reached'; limit: number };

/** A user's addresses. Every query is scoped by the owner's id: no address is reachable by id alone. */
export class AddressBook {
  list(em: EntityManager, userId: string): Promise<Address[]> {
    return em.find(Address, { userId }, { orderBy: { isDefault: 'desc', createdAt: 'asc' } });
  }

  async add(em: EntityManager, userId: string, input: unknown): Promise<AddressOutcome> {
    const parsed = parseInput(addressInputSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    return em.transactional(async (tx) => {
      const count = await tx.count(Address, { userId });
      if (count >= maxAddresses) return { kind: 'limit-reached', limit: maxAddresses } as const;
      const { isDefault, ...fields } = parsed.data;
      const makeDefault = isDefault === true || count === 0;
      if (makeDefault)
        await tx.nativeUpdate(Address, { userId, isDefault: true }, { isDefault: false });
      const address = tx.create(Address, {
        id: randomUUID(),
        userId,
        ...fields,
        line2: fields.line2 ?? null,
        isDefault: makeDefault,
      });
      tx.persist(address);
      return { kind: 'saved', address } as const;
    });
  }

  async update(
    em: EntityManager,
    userId: string,
    addressId: string,
    input: unknown,
  ): Promise<AddressOutcome> {
    const parsed = parseInput(addressInputSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    return em.transactional(async (tx) => {
      const address = await tx.findOne(Address, { id: addressId, userId });
      if (!address) return { kind: 'not-found' } as const;
      const { isDefault, ...fields } = parsed.data;
      if (isDefault === true && !address.isDefault) {
        await tx.nativeUpdate(Address, { userId, isDefault: true }, { isDefault: false });
        address.isDefault = true;
      }
      tx.assign(address, { ...fields, line2: fields.line2 ?? null });
      return { kind: 'saved', address } as const;
    });
  }

  /** Removes an address; if it was the default, the oldest remaining one becomes the default. */
  async remove(em: EntityManager, userId: string, addressId: string): Promise<boolean> {
    return em.transactional(async (tx) => {
      const address = await tx.findOne(Address, { id: addressId, userId });
      if (!address) return false;
      tx.remove(address);
      await tx.flush();
      if (address.isDefault) {
        const next = await tx.findOne(Address, { userId }, { orderBy: { createdAt: 'asc' } });
        if (next) next.isDefault = true;
      }
      return true;
    });
  }
}
