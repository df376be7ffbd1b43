/** Periods are counted from this Monday (a Korean date), so weekly periods run Monday to Sunday. */
export const payoutPeriodAnchor = '2026-01-05';

export interface PayoutPeriod {
  /** First day, YYYY-MM-DD (Korean business days, like every date in the books). */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const dayMs = 24 * 60 * 60 * 1000;
const dayNumberOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (dayNumber: number) => new Date(dayNumber * dayMs).toISOString().slice(0, 10);

/** The period of `periodDays` days that `date` falls in. */
export function payoutPeriodOf(date: string, periodDays: number): PayoutPeriod {
  const anchor = dayNumberOf(payoutPeriodAnchor);
  const index = Math.floor((dayNumberOf(date) - anchor) / periodDays);
  const start = anchor + index * periodDays;
  return { start: dateOf(start), end: dateOf(start + periodDays - 1) };
}
