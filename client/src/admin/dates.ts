/** A Korean business day (YYYY-MM-DD), `daysAgo` days before today. */
export function seoulDate(daysAgo = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
}
