/** The owner's staff operations, as the admin sends them. */
export const setStaffRole = `mutation SetStaffRole($input: SetStaffRoleInput!) {
  setStaffRole(input: $input) {
    __typename
    ... on StaffMember { id email role }
    ... on ErrorResult { errorCode message }
  }
}`;

export const staffActions = `query StaffActions($filter: StaffActionFilter) {
  staffActions(filter: $filter) {
    actorId actorEmail actorRoles service action subjectId input outcome before after at
  }
}`;

export interface StaffActionRow {
  actorId: string;
  actorEmail: string | null;
  actorRoles: string;
  service: string;
  action: string;
  subjectId: string | null;
  input: string;
  outcome: string;
  before: string | null;
  after: string | null;
  at: string;
}
