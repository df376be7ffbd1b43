import {
  lazy,
  Suspense,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../shared/ui';
import { Layout } from './Layout';
import { CartPage } from './pages/CartPage';
import { HomePage } from './pages/HomePage';
import { ProductPage } from './pages/ProductPage';
import { SearchPage } from './pages/SearchPage';

/**
 * A page a first visit rarely opens, loaded when it is first shown: the first load carries only
 * the pages a shopper lands on (home, search, a product) and the cart.
 */
function later<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

const CheckoutPage = later(() => import('./pages/CheckoutPage'), 'CheckoutPage');
const PaymentSuccessPage = later(() => import('./pages/PaymentResultPages'), 'PaymentSuccessPage');
const PaymentFailPage = later(() => import('./pages/PaymentResultPages'), 'PaymentFailPage');
const OrdersPage = later(() => import('./pages/OrdersPage'), 'OrdersPage');
const OrderPage = later(() => import('./pages/OrderPage'), 'OrderPage');
const AccountPage = later(() => import('./pages/AccountPage'), 'AccountPage');
const LoginPage = later(() => import('./pages/AuthPages'), 'LoginPage');
const SignUpPage = later(() => import('./pages/AuthPages'), 'SignUpPage');
const NotFoundPage = later(() => import('./pages/NotFoundPage'), 'NotFoundPage');

/** A lazily loaded page, under the layout: the header stays while its code comes. */
function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function StorefrontApp() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="products/:id" element={<ProductPage />} />
          <Route path="cart" element={<CartPage />} />
          <Route
            path="checkout"
            element={
              <Later>
                <CheckoutPage />
              </Later>
            }
          />
          <Route
            path="payment/success"
            element={
              <Later>
                <PaymentSuccessPage />
              </Later>
            }
          />
          <Route
            path="payment/fail"
            element={
              <Later>
                <PaymentFailPage />
              </Later>
            }
          />
          <Route
            path="orders"
            element={
              <Later>
                <OrdersPage />
              </Later>
            }
          />
          <Route
            path="orders/:id"
            element={
              <Later>
                <OrderPage />
              </Later>
            }
          />
          <Route
            path="account"
            element={
              <Later>
                <AccountPage />
              </Later>
            }
          />
          <Route
            path="login"
            element={
              <Later>
                <LoginPage />
              </Later>
            }
          />
          <Route
            path="signup"
            element={
              <Later>
                <SignUpPage />
              </Later>
            }
          />
          <Route
            path="*"
            element={
              <Later>
                <NotFoundPage />
              </Later>
            }
          />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
