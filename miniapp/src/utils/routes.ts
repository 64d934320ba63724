// Every page path in one place, so a renamed page breaks the build, not a tap.
const q = (params: Record<string, string | number | undefined>) => {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
};

export const tabs = {
  events: '/pages/events/index',
  calendar: '/pages/calendar/index',
  plans: '/pages/plans/index',
  me: '/pages/me/index',
} as const;

export const routes = {
  eventDetail: (id: string) => `/pages/event-detail/index${q({ id })}`,
  planDetail: (id: string, task?: number) => `/pages/plan-detail/index${q({ id, task })}`,
  login: () => '/pages/login/index',
  privacy: () => '/pages/privacy/index',
  settings: () => '/pages/settings/index',
  volunteerProfile: () => '/packages/volunteer/pages/profile/index',
  volunteerShifts: () => '/packages/volunteer/pages/shifts/index',
  volunteerApplications: () => '/packages/volunteer/pages/applications/index',
  certificateCheck: (serial?: string) => `/packages/volunteer/pages/certificate/index${q({ serial })}`,
  organizerEvents: () => '/packages/organizer/pages/events/index',
  organizerEdit: (id?: string) => `/packages/organizer/pages/edit/index${q({ id })}`,
  /** A new event for an organization, linked to a plan task (发布活动 from 我的任务). */
  organizerEditForTask: (link: { planId: string; task: number; ordinal: number; organizerId: string; city: string }) =>
    `/packages/organizer/pages/edit/index${q(link)}`,
  organizerDuties: () => '/packages/organizer/pages/duties/index',
  organizerStats: () => '/packages/organizer/pages/stats/index',
  organizerSignups: (id: string, title?: string) => `/packages/organizer/pages/signups/index${q({ id, title })}`,
  organizerCheckin: (id: string, title?: string) => `/packages/organizer/pages/checkin/index${q({ id, title })}`,
  organizerVolunteers: (id: string, title?: string) => `/packages/organizer/pages/volunteers/index${q({ id, title })}`,
  organizerReview: () => '/packages/organizer/pages/review/index',
  adminImport: () => '/packages/admin/pages/import/index',
  adminCampaigns: () => '/packages/admin/pages/campaigns/index',
  adminOrganizations: () => '/packages/admin/pages/organizations/index',
  adminOrganization: (id: string, name?: string) => `/packages/admin/pages/organization/index${q({ id, name })}`,
  adminUsers: () => '/packages/admin/pages/users/index',
  adminAudit: () => '/packages/admin/pages/audit/index',
  inbox: () => '/packages/inbox/pages/list/index',
  adminNotifications: () => '/packages/admin/pages/notifications/index',
  /** A forwarded check-in code; `from: 'owner'` when the booker opens it to forward. */
  ticket: (token: string, from?: 'owner') => `/packages/ticket/pages/view/index${q({ token, from })}`,
  planProgress: (id: string, year?: number) => `/packages/progress/pages/progress/index${q({ id, year })}`,
  /** A campaign (119消防宣传月 …): what it is, its dates this year and the city's activities under it. */
  campaign: (code: string, city?: string) => `/packages/campaign/pages/campaign/index${q({ code, city })}`,
  /** `ordinal`: the task's position in the plan, which names it when numbering restarts per section. */
  taskEvents: (id: string, number: number, year?: number, title?: string, ordinal?: number) =>
    `/packages/progress/pages/task-events/index${q({ id, number, year, title, ordinal })}`,
};

/** A page parameter as text: WeChat passes them still encoded, H5 already decoded. */
export function readParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
