import { useQuery } from '@apollo/client/react';
import {
  AdminFindCustomersDocument,
  AdminOrdersDocument,
  type AdminOrderFilter,
  type OrderStatus,
} from '../graphql/generated';

/** What the operator typed into the order search; empty fields are not searched by. */
export interface OrderSearchForm {
  orderNumber: string;
  customer: string;
  productName: string;
  /** yyyy-mm-dd, Korean days. */
  from: string;
  to: string;
  status: OrderStatus | '';
  /** Statuses a link asked for (`?status=PAID&status=PREPARING`); the form's status wins. */
  statuses?: OrderStatus[];
}

/** Orders waiting to be shipped: paid, or claimed for shipping. */
export const ordersToShip: OrderStatus[] = ['PAID', 'PREPARING'];

/** The orders page filtered to `statuses`, as the dashboard links to it. */
export const ordersLink = (statuses: readonly OrderStatus[]) =>
  `/orders?${statuses.map((status) => `status=${status}`).join('&')}`;

export const ordersToShipLink = ordersLink(ordersToShip);

export const emptySearch: OrderSearchForm = {
  orderNumber: '',
  customer: '',
  productName: '',
  from: '',
  to: '',
  status: '',
};

const koreanMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`);
const dayAfter = (day: string) => new Date(koreanMidnight(day).getTime() + 86_400_000);

/**
 * The admin's order search. A customer's name and email live in the user service, so the search
 * asks it for the matching customers first and then orders for their ids: each service searches
 * its own database, and a customer who renames is found under the new name.
 */
export function useOrderSearch(form: OrderSearchForm, after: string | null) {
  const customer = form.customer.trim();
  const customers = useQuery(AdminFindCustomersDocument, {
    variables: { query: customer },
    skip: !customer,
  });
  const filter: AdminOrderFilter = {
    orderNumber: form.orderNumber.trim() || null,
    productName: form.productName.trim() || null,
    statuses: form.status ? [form.status] : form.statuses?.length ? form.statuses : null,
    createdFrom: form.from ? koreanMidnight(form.from).toISOString() : null,
    createdBefore: form.to ? dayAfter(form.to).toISOString() : null,
    userIds: customer ? (customers.data?.users.nodes.map((user) => user.id) ?? []) : null,
  };
  const orders = useQuery(AdminOrdersDocument, {
    variables: { filter, after },
    skip: Boolean(customer) && !customers.data,
  });
  return { data: orders.data, error: customers.error ?? orders.error };
}
