import type { Locator } from 'playwright-core';

/** The won in a text as a shopper reads it ("23,100원", "−1,000원", "₩23,100"), unsigned. */
export function wonIn(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  if (digits === '') throw new Error(`no amount in “${text}”`);
  return Number(digits);
}

/** The amount on the row of a summary table whose header reads `header`. */
export async function rowAmount(table: Locator, header: string): Promise<number> {
  const row = table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
  return wonIn(await row.getByRole('cell').textContent());
}
