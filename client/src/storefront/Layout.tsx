import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, Outlet, useNavigate } from 'react-router';
import { ProductSuggestionsDocument } from '../graphql/generated';
import { LanguageSwitch, useI18n } from '../shared/i18n';
import { useSession } from '../shared/session';
import { signOut } from '../shared/session-api';
import { useCart } from './cart';

export function Layout() {
  const { t } = useI18n();
  const signedIn = useSession();
  const cartLines = useCart();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const suggestions = useQuery(ProductSuggestionsDocument, {
    variables: { prefix: text.trim() },
    skip: text.trim().length < 1,
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <>
      <header className="top">
        <Link to="/" className="brand">
          Shop
        </Link>
        <form role="search" onSubmit={search} className="row">
          <label htmlFor="search" className="sr-only">
            {t('search.label')}
          </label>
          <input
            id="search"
            type="search"
            list="search-suggestions"
            value={text}
            placeholder={t('search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
          <datalist id="search-suggestions">
            {(suggestions.data?.productSuggestions ?? []).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="submit">{t('search.submit')}</button>
        </form>
        <nav aria-label={t('nav.label')}>
          <Link to="/cart">{t('nav.cart', { count: cartLines.length })}</Link>
          {signedIn ? (
            <>
              <Link to="/orders">{t('nav.orders')}</Link>
              <Link to="/account">{t('nav.account')}</Link>
              <button type="button" className="link" onClick={() => void signOut()}>
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('nav.login')}</Link>
          )}
          <LanguageSwitch />
        </nav>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
