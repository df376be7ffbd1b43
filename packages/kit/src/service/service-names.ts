/** Every process of the shop and the port it listens on by default. */
export const defaultPorts = {
  router: 4000,
  auth: 4101,
  user: 4102,
  product: 4103,
  catalog: 4104,
  order: 4105,
  payment: 4106,
  promotion: 4107,
  delivery: 4108,
  settlement: 4109,
  return: 4110,
} as const;

export type ServiceName = keyof typeof defaultPorts;
export type SubgraphName = Exclude<ServiceName, 'router'>;
