import { won } from '../shared/format';
import { useI18n, type Locale } from '../shared/i18n';

/** How each language writes won: 13,800원 in Korean, ₩13,800 in English. */
const moneyFormats: Record<Locale, (amount: number) => string> = {
  ko: won,
  en: new Intl.NumberFormat('en', { style: 'currency', currency: 'KRW' }).format,
};

/** The storefront's money formatter, in the shopper's language: every amount goes through it. */
export function useMoney(): (amount: number) => string {
  return moneyFormats[useI18n().locale];
}
