// Shared-typed sample data for the mini-program's tests.
import type { ApplicantRow, ShiftView, UserView, VolunteerProfileView } from '@kepu/shared';

const inDays = (days: number, hour: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour - 8, 0, 0, 0);
  return at.toISOString().replace('.000Z', '+00:00');
};

export const user = (roles: string[], id = 'u1'): UserView =>
  ({ id, nickname: '测试用户', roles, organizations: roles.includes('organizer') ? [{ id: 'o1', name: '唐山市科协' }] : [] }) as unknown as UserView;

export function shiftView(overrides: Partial<ShiftView> = {}): ShiftView {
  return {
    id: 's1',
    eventId: 'e1',
    event: { id: 'e1', title: '全国科普日·社区应急科普展', city: '唐山市', startsAt: inDays(7, 9), venue: { name: '唐山科技馆', address: '建设北路' } },
    role: '展区讲解',
    description: '',
    startsAt: inDays(7, 9),
    endsAt: inDays(7, 12),
    slots: 3,
    approvedCount: 1,
    skills: ['科普讲解'],
    ...overrides,
  };
}

export function applicant(overrides: Partial<ApplicantRow> = {}, startsInDays = -1): ApplicantRow {
  return {
    id: 'a1',
    shiftId: 's1',
    status: 'applied',
    hours: null,
    decisionReason: null,
    appliedAt: inDays(-3, 10),
    decidedAt: null,
    completedAt: null,
    volunteer: { userId: 'v1', realName: '李华', phone: '138****8000', skills: ['科普讲解'], team: '市科技志愿服务队' },
    shift: { id: 's1', role: '展区讲解', startsAt: inDays(startsInDays, 9), endsAt: inDays(startsInDays, 12) },
    ...overrides,
  };
}

export function profileView(overrides: Partial<VolunteerProfileView> = {}): VolunteerProfileView {
  return {
    userId: 'v1',
    realName: '李华',
    phone: '13800138000',
    skills: ['科普讲解'],
    tags: [],
    team: null,
    bio: '',
    totalHours: 0,
    record: [],
    applications: [],
    ...overrides,
  };
}

export { inDays };
