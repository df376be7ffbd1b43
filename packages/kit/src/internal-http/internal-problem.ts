/**
 * Thrown by an internal handler to answer with an error the caller can act on, e.g.
 * `throw new InternalProblem(409, 'OUT_OF_STOCK', 'sku s1 has 2 left', { skuId: 's1' })`.
 * The client side surfaces it as `InternalHttpError` with the same status and `code`.
 */
export class InternalProblem extends Error {
  override readonly name = 'InternalProblem';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string = code,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): Record<string, unknown> {
    return { ...this.details, code: this.code, message: this.message };
  }
}
