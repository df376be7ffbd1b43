const wonFormat = new Intl.NumberFormat('ko-KR');

/** KRW amounts are integers: 12345 → "12,345원". */
export const won = (amount: number) => `${wonFormat.format(amount)}원`;

export const dateTime = (iso: string | null | undefined, locale: string) =>
  iso
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Seoul',
      }).format(new Date(iso))
    : '';
