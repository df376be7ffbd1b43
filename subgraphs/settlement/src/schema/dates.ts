import { GraphQLError } from 'graphql';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Each a real calendar date written YYYY-MM-DD (2026-02-31 is refused, not read as March 3). */
export function checkDates(...dates: string[]): void {
  for (const date of dates) {
    const parsed = datePattern.test(date) ? new Date(`${date}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
      throw new GraphQLError(`${date}: a date is YYYY-MM-DD`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
  }
}
