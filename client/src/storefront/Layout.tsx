import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { HomeDocument, ProductSuggestionsDocument } from '../graphql/generated';
import { LanguageSwitch, useI18n } from '../shared/i18n';
import { useSession } from '../shared/session';
import { signOut } from '../shared/session-api';
import { useCart } from './cart';
import { useDisclosure } from './disclosure';
import { Icon } from './icons';
import { shopName, useShopText } from './shop-texts';

export function Layout() {
  const { t, locale } = useI18n();
  const text = useShopText();
  const signedIn = useSession();
  const cartLines = useCart();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const [query, setQuery] = useState('');
  const suggestions = useQuery(ProductSuggestionsDocument, {
    variables: { prefix: query.trim() },
    skip: query.trim().length < 1,
  });
  // Screen readers pick their voice, and search engines the language, off <html lang>.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  };
  // Focus moves to the content itself, so the next Tab goes on from there and not from the header.
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    main.current?.focus();
  };
  return (
    <>
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {text('skip.toMain')}
      </a>
      <header className="site-header">
        <SiteMenu />
        <Link to="/" className="brand">
          {shopName}
        </Link>
        <form role="search" onSubmit={search} className="site-search">
          <input
            type="search"
            aria-label={t('search.label')}
            list="search-suggestions"
            value={query}
            placeholder={t('search.placeholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
          <datalist id="search-suggestions">
            {(suggestions.data?.productSuggestions ?? []).map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="submit" className="icon-button">
            <Icon name="search" />
            <span className="sr-only">{t('search.submit')}</span>
          </button>
        </form>
        <nav aria-label={t('nav.label')} className="site-nav">
          {signedIn ? (
            <>
              <Link to="/orders">{t('nav.orders')}</Link>
              <Link to="/account" className="wide-only">
                {t('nav.account')}
              </Link>
              <button type="button" className="link" onClick={() => void signOut()}>
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('nav.login')}</Link>
          )}
          <LanguageSwitch />
          <Link
            to="/cart"
            className="cart-link"
            aria-label={t('nav.cart', { count: cartLines.length })}
          >
            <Icon name="cart" />
            <span className="badge cart-count">{cartLines.length}</span>
          </Link>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/**
 * The menu button and what it opens: the categories, and the account links the phone's header
 * has no room for. Any navigation closes it (it is open for one location only), as does Escape.
 */
function SiteMenu() {
  const { t } = useI18n();
  const text = useShopText();
  const signedIn = useSession();
  const menu = useDisclosure('site-menu-panel', useLocation().key);
  const home = useQuery(HomeDocument, { skip: !menu.open });
  return (
    <div className="site-menu" onKeyDown={menu.closeOnEscape}>
      <button {...menu.button} className="icon-button">
        <Icon name="menu" />
        <span className="sr-only">{text('menu.open')}</span>
      </button>
      {menu.open ? (
        <>
          <div className="menu-backdrop" onClick={menu.close} />
          <nav id="site-menu-panel" className="menu-panel" aria-label={text('menu.label')}>
            <h2>{t('home.categories')}</h2>
            <ul>
              <li>
                <Link to="/search">{t('search.all')}</Link>
              </li>
              {(home.data?.categories ?? []).map((category) => (
                <li key={category.id}>
                  <Link to={`/search?category=${category.id}`}>{category.name}</Link>
                </li>
              ))}
            </ul>
            <ul className="menu-account">
              {signedIn ? (
                <li className="narrow-only">
                  <Link to="/account">{t('nav.account')}</Link>
                </li>
              ) : (
                <li>
                  <Link to="/signup">{t('auth.signUp')}</Link>
                </li>
              )}
            </ul>
          </nav>
        </>
      ) : null}
    </div>
  );
}
