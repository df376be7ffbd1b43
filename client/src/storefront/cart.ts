import { useSyncExternalStore } from 'react';

/** One SKU in the cart, with what the shopper saw when adding it; its price is the server's quote. */
export interface CartLine {
  skuId: string;
  productId: string;
  productName: string;
  thumbnail: string | null;
  optionsLabel: string;
  quantity: number;
}

const storageKey = 'shop.cart';
const listeners = new Set<() => void>();
let lines: CartLine[] = read();

function read(): CartLine[] {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? '[]') as CartLine[];
  } catch {
    return [];
  }
}

function save(next: CartLine[]) {
  lines = next;
  localStorage.setItem(storageKey, JSON.stringify(lines));
  for (const listener of listeners) listener();
}

export const cart = {
  lines: () => lines,
  add(line: CartLine) {
    const existing = lines.find((candidate) => candidate.skuId === line.skuId);
    save(
      existing
        ? lines.map((candidate) =>
            candidate === existing
              ? { ...candidate, quantity: candidate.quantity + line.quantity }
              : candidate,
          )
        : [...lines, line],
    );
  },
  setQuantity(skuId: string, quantity: number) {
    save(
      lines
        .map((line) => (line.skuId === skuId ? { ...line, quantity } : line))
        .filter((line) => line.quantity > 0),
    );
  },
  clear: () => save([]),
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCart(): CartLine[] {
  return useSyncExternalStore(cart.subscribe, cart.lines);
}
