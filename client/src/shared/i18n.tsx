import { createContext, useContext, useState, type ReactNode } from 'react';
import { messages, type MessageKey } from './messages';

export type Locale = 'ko' | 'en';
const storageKey = 'shop.locale';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message in the current language, with `{name}` placeholders filled in. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(
    localStorage.getItem(storageKey) === 'en' ? 'en' : 'ko',
  );
  const setLocale = (next: Locale) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  };
  const t: I18n['t'] = (key, params = {}) =>
    messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  return <I18nContext.Provider value={{ locale, setLocale, t }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <button type="button" className="link" onClick={() => setLocale(locale === 'ko' ? 'en' : 'ko')}>
      {locale === 'ko' ? 'English' : '한국어'}
    </button>
  );
}
