// Made once: building a DateTimeFormat costs far more than formatting with one, and settlement
// dates every entry it books.
const koreanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Korean calendar day of an instant (YYYY-MM-DD): the shop's and the PG's business day. */
export function businessDateOf(instant: Date | string): string {
  return koreanDay.format(new Date(instant));
}
