const wonFormat = new Intl.NumberFormat('ko-KR');

/** KRW amounts are integers: 12345 → "12,345원". */
export const won = (amount: number) => `${wonFormat.format(amount)}원`;

/** Points are integers too: 1234 → "1,234P"; `signed` marks a change: "+500P", "-300P". */
export const points = (amount: number, signed = false) =>
  `${signed && amount > 0 ? '+' : ''}${wonFormat.format(amount)}P`;

export const dateTime = (iso: string | null | undefined, locale: string) =>
  iso
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Seoul',
      }).format(new Date(iso))
    : '';
