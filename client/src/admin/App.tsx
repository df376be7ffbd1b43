import { isStaff, type StaffDuty } from '@shop/contracts/staff-duties';
import { BrowserRouter, NavLink, Outlet, Route, Routes } from 'react-router';
import { LanguageSwitch, useI18n } from '../shared/i18n';
import type { MessageKey } from '../shared/messages';
import { useSession } from '../shared/session';
import { signOut } from '../shared/session-api';
import { AdminLogin } from './AdminLogin';
import { AuditLogPage } from './pages/AuditLogPage';
import { CustomerPage } from './pages/CustomerPage';
import { DashboardPage } from './pages/DashboardPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { PackingSlipPage } from './pages/PackingSlipPage';
import { PartnersPage } from './pages/PartnersPage';
import { PayoutsPage } from './pages/PayoutsPage';
import { ProductEditPage } from './pages/ProductEditPage';
import { ProductsPage } from './pages/ProductsPage';
import { PromotionsPage } from './pages/PromotionsPage';
import { ReturnsPage } from './pages/ReturnsPage';
import { SettlementPage } from './pages/SettlementPage';
import { StaffPage } from './pages/StaffPage';
import { UsersPage } from './pages/UsersPage';
import { useMayDo } from './staff-duty';

export function AdminApp() {
  return (
    <BrowserRouter basename="/admin">
      <Routes>
        <Route element={<AdminOnly />}>
          <Route index element={<DashboardPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="orders/:id/packing-slip" element={<PackingSlipPage />} />
          <Route path="returns" element={<ReturnsPage />} />
          <Route path="products" element={<ProductsPage />} />
          <Route path="products/:id" element={<ProductEditPage />} />
          <Route path="promotions" element={<PromotionsPage />} />
          <Route path="settlement" element={<SettlementPage />} />
          <Route path="payouts" element={<PayoutsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="users/:id" element={<CustomerPage />} />
          <Route path="partners" element={<PartnersPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="audit" element={<AuditLogPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

/** The nav's sections; those with a duty only for the roles that have it (the owner's tools). */
const sections: readonly (readonly [string, MessageKey, StaffDuty?])[] = [
  ['/', 'admin.dashboard'],
  ['/orders', 'admin.orders'],
  ['/returns', 'admin.returns'],
  ['/products', 'admin.products'],
  ['/promotions', 'admin.promotions'],
  ['/settlement', 'admin.settlement'],
  ['/payouts', 'admin.payouts'],
  ['/users', 'admin.users'],
  ['/partners', 'admin.partners', 'staff'],
  ['/staff', 'admin.staff', 'staff'],
  ['/audit', 'admin.audit', 'staff'],
];

/** Only staff see the dashboard; the router refuses its operations to anyone else too. */
function AdminOnly() {
  const { t } = useI18n();
  const signedIn = useSession();
  const mayDo = useMayDo();
  if (!signedIn) return <AdminLogin />;
  if (!isStaff(signedIn.roles))
    return (
      <main>
        <h1>{t('admin.forbidden')}</h1>
        <p>{t('admin.forbiddenHint')}</p>
        <button type="button" onClick={() => void signOut()}>
          {t('nav.logout')}
        </button>
      </main>
    );
  return (
    <>
      <header className="top">
        <span className="brand">{t('admin.title')}</span>
        <nav aria-label={t('nav.label')}>
          {sections
            .filter(([, , duty]) => !duty || mayDo(duty))
            .map(([path, label]) => (
              <NavLink key={path} to={path} end={path === '/'}>
                {t(label)}
              </NavLink>
            ))}
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('nav.logout')}
          </button>
          <LanguageSwitch />
        </nav>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
