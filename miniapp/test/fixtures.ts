// Shared-typed sample data for the mini-program's tests.
import type { ApplicantRow, EventView, PlanImportView, ShiftView, UserView, VolunteerProfileView } from '@kepu/shared';

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
    city: null,
    bio: '',
    totalHours: 0,
    record: [],
    applications: [],
    ...overrides,
  };
}

export { inDays };

/** A dry run's answer: a county plan whose place was read, one warning, units with roles, one campaign 日期待定. */
export function planImportView(overrides: Partial<PlanImportView> = {}): PlanImportView {
  return {
    plan: {
      id: '',
      city: '安吉县',
      year: 2026,
      title: '2026年安吉县全民科学素质行动工作要点',
      issuer: '安吉县全民科学素质工作领导小组',
      issuedOn: '2026-03-05',
      taskCount: 2,
      documentNumber: '安科素〔2026〕1号',
      place: '浙江省湖州市安吉县',
      level: 'county',
      kind: '工作要点',
      period: null,
      script: 'simplified',
      sections: [{ ordinal: '一', level: 1, title: '提升青少年科学素质', sections: [] }],
      tasks: [
        {
          number: 1,
          ordinal: 1,
          title: '推进青少年科学教育',
          text: '推进青少年科学教育。组织中小学生参观科普教育基地。',
          sectionPath: ['一、提升青少年科学素质'],
          responsibleUnits: [
            { name: '县教育局', organizationId: null, role: 'lead', inherited: false },
            { name: '县科协', organizationId: null, role: 'support', inherited: true },
          ],
          audiences: ['青少年'],
          themes: [],
          campaigns: [{ code: 'science-tech-week', name: '科技活动周' }],
          volunteerNeed: false,
        },
        {
          number: 2,
          ordinal: 2,
          title: '办好全国科普日',
          text: '办好全国科普日。',
          sectionPath: ['一、提升青少年科学素质'],
          responsibleUnits: [{ name: '县科协', organizationId: null, role: null, inherited: false }],
          audiences: [],
          themes: [],
          campaigns: [{ code: 'national-science-day', name: '全国科普日' }],
          volunteerNeed: false,
        },
      ],
      campaignsPending: [{ code: 'science-tech-week', name: '科技活动周' }],
    },
    derivedEvents: [
      {
        campaignCode: 'national-science-day',
        campaignName: '全国科普日',
        title: '2026年安吉县全国科普日',
        description: '',
        city: '安吉县',
        year: 2026,
        startsOn: '2026-09-19',
        endsOn: '2026-09-25',
        taskNumbers: [2],
        organizerName: '县科协',
        audiences: [],
        themes: [],
        eventId: null,
        published: false,
      },
    ],
    created: false,
    changed: false,
    needsReview: true,
    warnings: [{ code: 'UNCLOSED_BRACKET', message: '责任单位的括号没有闭合，请核对', line: 12 }],
    ...overrides,
  };
}

/** A published activity in 唐山市 on 5 December, 09:00–12:00. */
export function eventView(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'e1',
    title: '家庭应急避险演练开放日',
    description: '',
    kind: 'activity',
    seriesId: null,
    campaign: null,
    planTasks: [],
    organizer: { id: 'o1', name: '唐山市科协' },
    city: '唐山市',
    audiences: [],
    themes: [],
    district: '路北区',
    venue: { name: '唐山科技馆', address: '建设北路', lat: null, lng: null },
    startsAt: '2026-12-05T09:00:00+08:00',
    endsAt: '2026-12-05T12:00:00+08:00',
    capacity: 40,
    confirmedCount: 3,
    waitlistCount: 0,
    signupOpensAt: null,
    signupClosesAt: null,
    status: 'published',
    source: 'organizer',
    isDemo: false,
    reviewReason: null,
    cancelReason: null,
    planTaskChanged: false,
    coverImageId: null,
    coverUrl: null,
    coverThumbnailUrl: null,
    version: 1,
    ...overrides,
  };
}
