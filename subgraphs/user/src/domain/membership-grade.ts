/** Membership grades, earned by lifetime spend (KRW, integer won). */
export const membershipGrades = ['BASIC', 'SILVER', 'GOLD', 'VIP'] as const;
export type MembershipGrade = (typeof membershipGrades)[number];

const thresholds: readonly { grade: MembershipGrade; minimumSpend: number }[] = [
  { grade: 'VIP', minimumSpend: 3_000_000 },
  { grade: 'GOLD', minimumSpend: 1_000_000 },
  { grade: 'SILVER', minimumSpend: 300_000 },
  { grade: 'BASIC', minimumSpend: 0 },
];

export function gradeForSpend(lifetimeSpend: number): MembershipGrade {
  return thresholds.find((step) => lifetimeSpend >= step.minimumSpend)?.grade ?? 'BASIC';
}
