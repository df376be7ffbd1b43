/** The carriers the shop has contracts with: the admin ships with one of these, and no other. */
export const carriers = ['CJ대한통운', '한진택배', '롯데택배', '우체국택배', '로젠택배'] as const;
export type Carrier = (typeof carriers)[number];

export const isCarrier = (name: string): name is Carrier =>
  (carriers as readonly string[]).includes(name);
