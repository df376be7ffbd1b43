// Korea keeps UTC+9 all year (no daylight saving since 1988), so Asia/Seoul is a fixed offset.
const seoulOffsetMs = 9 * 60 * 60 * 1000;

/** `2026-11-24T17:05:09+09:00`: how Toss Payments writes its timestamps. */
export function seoulTimestamp(at: Date): string {
  return `${new Date(at.getTime() + seoulOffsetMs).toISOString().slice(0, 19)}+09:00`;
}

/** The calendar day in Korea (YYYY-MM-DD), the day a settlement report counts a sale on. */
export function seoulDate(at: Date): string {
  return seoulTimestamp(at).slice(0, 10);
}
