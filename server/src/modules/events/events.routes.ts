// HTTP routes of events: public lists and details, iCalendar, and the
// organizer/reviewer workflow. Each handler calls one use case.
import {
  type CancelEvent,
  cancelEventSchema,
  type CreateEvent,
  createEventSchema,
  type CreateEventSeries,
  createEventSeriesSchema,
  type DistrictListQuery,
  districtListQuerySchema,
  districtViewSchema,
  type EventCountQuery,
  eventCountQuerySchema,
  eventCountViewSchema,
  type EventListQuery,
  type EventView,
  eventListQuerySchema,
  type RecommendedQuery,
  recommendedEventViewSchema,
  recommendedQuerySchema,
  eventSeriesViewSchema,
  eventViewSchema,
  idSchema,
  pageQuerySchema,
  pageSchema,
  type ReviewEvent,
  reviewEventSchema,
  type UpdateEvent,
  updateEventSchema,
  formatFullDate,
  organizationEventCountsViewSchema,
  venueConflictsViewSchema,
} from '@kepu/shared';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireUser, reply, route } from '../../core/route';
import { attachFile } from '../../exports/table';
import { renderCalendar } from './ics';
import { PublicEvents } from './public-events';
import { reminderLeadMs } from '../notifications/notifications.service';
import { getUserView } from '../users/users.service';
import {
  cancelEvent,
  createEvent,
  createEventSeries,
  getEvent,
  listEvents,
  listRevisionsForReview,
  reviewEvent,
  submitEvent,
  submitSeries,
  updateEvent,
} from './events.service';
import { countOrganizationEvents } from './organization-counts';
import { getVenueConflicts, withConflicts } from './venue-conflicts';

/** `GET /event-revisions`: the server alone reads it, so it lives here, not in shared. */
const revisionQueueQuerySchema = pageQuerySchema.extend({ organizerId: idSchema.optional() });
type RevisionQueueQuery = z.infer<typeof revisionQueueQuerySchema>;

/** A calendar feed holds at most this many events. */
const CALENDAR_LIMIT = 100;

export function eventRoutes(deps: AppDeps) {
  const read = deps.dataSource.manager;
  // One per app: the cached public answers of this process.
  const publicEvents = new PublicEvents(read);
  const seriesWithConflicts = async (series: { seriesId: string; items: EventView[] }) => ({
    seriesId: series.seriesId,
    items: await Promise.all(series.items.map((item) => withConflicts(read, item))),
  });
  return [
    route<undefined, EventListQuery>({
      method: 'get',
      path: '/events',
      access: 'public',
      tag: 'events',
      query: eventListQuerySchema,
      summary: '活动列表：按城市、主题活动、主题、人群、区县、日期、关键词、附近筛选',
      response: pageSchema(eventViewSchema),
      handle: async ({ ctx, query, user }) => publicEvents.list(ctx, query, user, deps.clock()),
      answerFromCache: ({ ctx, query }) => publicEvents.listFromCache(ctx, query, deps.clock()),
    }),
    // Before /events/:id, which would take these words for ids.
    route<undefined, EventCountQuery>({
      method: 'get',
      path: '/events/count',
      access: 'public',
      tag: 'events',
      query: eventCountQuerySchema,
      summary: '符合筛选条件的已发布活动数量（筛选面板的“查看 N 场”）',
      response: eventCountViewSchema,
      handle: async ({ ctx, query }) => publicEvents.count(ctx, query, deps.clock()),
      answerFromCache: ({ ctx, query }) => publicEvents.countFromCache(ctx, query, deps.clock()),
    }),
    route<undefined, RecommendedQuery>({
      method: 'get',
      path: '/events/recommended',
      access: 'user',
      tag: 'events',
      query: recommendedQuerySchema,
      summary: '为当前用户推荐：城市中即将举办的活动，适合其身份（老年人、家长、学生）的排在前面并说明理由',
      response: pageSchema(recommendedEventViewSchema),
      handle: async ({ query, user }) => publicEvents.recommended(query, (await getUserView(read, requireUser(user).id)).audience, deps.clock()),
    }),
    route<undefined, DistrictListQuery>({
      method: 'get',
      path: '/events/districts',
      access: 'public',
      tag: 'events',
      query: districtListQuerySchema,
      summary: '城市中有未结束活动的区县及活动数',
      response: pageSchema(districtViewSchema),
      handle: async ({ ctx, query }) => publicEvents.districts(ctx, query.city, deps.clock()),
      answerFromCache: ({ ctx, query }) => publicEvents.districtsFromCache(ctx, query.city, deps.clock()),
    }),
    route<undefined, EventListQuery>({
      method: 'get',
      path: '/calendar.ics',
      access: 'public',
      tag: 'events',
      query: eventListQuerySchema,
      summary: '按筛选条件导出 iCalendar 日历',
      files: ['text/calendar'],
      handle: async ({ ctx, query, user }) => {
        const page = await listEvents(read, { ...query, limit: CALENDAR_LIMIT, near: undefined }, user, deps.clock());
        ctx.type = 'text/calendar; charset=utf-8';
        attachFile(ctx, ['科普汇活动日历'], 'ics', 'kepu');
        ctx.body = renderCalendar(page.items, deps.clock());
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/events/:id',
      access: 'public',
      tag: 'events',
      summary: '活动详情',
      response: eventViewSchema,
      handle: async ({ ctx, params, user }) => publicEvents.detail(ctx, params.id!, user, deps.clock()),
    }),
    route({
      method: 'get',
      path: '/events/:id/calendar.ics',
      access: 'public',
      tag: 'events',
      summary: '把活动加入日历（iCalendar）',
      files: ['text/calendar'],
      handle: async ({ ctx, params, user }) => {
        const event = await getEvent(read, params.id!, user);
        ctx.type = 'text/calendar; charset=utf-8';
        attachFile(ctx, [event.title, formatFullDate(event.startsAt)], 'ics', 'kepu-event');
        ctx.body = renderCalendar([event], deps.clock(), event.title);
        return undefined;
      },
    }),
    route<CreateEvent>({
      method: 'post',
      path: '/events',
      access: ['organizer', 'admin'],
      tag: 'events',
      body: createEventSchema,
      summary: '主办单位创建活动草稿',
      response: eventViewSchema,
      statuses: [201],
      handle: async ({ body, user }) => reply(201, await withConflicts(read, await createEvent(deps.tx, requireUser(user), body, deps.clock()))),
    }),
    route<CreateEventSeries>({
      method: 'post',
      path: '/events/series',
      access: ['organizer', 'admin'],
      tag: 'events',
      body: createEventSeriesSchema,
      summary: '创建系列活动（如科技活动周每个周六、每周银龄课堂），每场独立名额',
      response: eventSeriesViewSchema,
      statuses: [201],
      handle: async ({ body, user }) => reply(201, await seriesWithConflicts(await createEventSeries(deps.tx, requireUser(user), body, deps.clock()))),
    }),
    route({
      method: 'post',
      path: '/series/:id/submit',
      access: ['organizer', 'admin'],
      tag: 'events',
      summary: '整个系列提交审核',
      response: eventSeriesViewSchema,
      handle: async ({ user, params }) => seriesWithConflicts(await submitSeries(deps.tx, requireUser(user), params.id!, deps.clock())),
    }),
    route<UpdateEvent>({
      method: 'patch',
      path: '/events/:id',
      access: ['organizer', 'admin'],
      tag: 'events',
      body: updateEventSchema,
      summary: '修改活动（被驳回的活动修改后回到草稿；非可信单位对已发布活动的内容、时间、地点、名额的修改需重新审核，通过前公众看到原内容）',
      response: eventViewSchema,
      handle: async ({ body, user, params }) =>
        withConflicts(read, await updateEvent(deps.tx, requireUser(user), params.id!, body, deps.clock(), reminderLeadMs(deps.config.notifications))),
    }),
    route({
      method: 'post',
      path: '/events/:id/submit',
      access: ['organizer', 'admin'],
      tag: 'events',
      summary: '提交审核（可信单位直接发布）',
      response: eventViewSchema,
      handle: async ({ user, params }) => withConflicts(read, await submitEvent(deps.tx, requireUser(user), params.id!, deps.clock())),
    }),
    route<ReviewEvent>({
      method: 'post',
      path: '/events/:id/review',
      access: ['reviewer'],
      tag: 'events',
      body: reviewEventSchema,
      summary: '审核员通过或驳回活动，或已发布活动的待审核修改（version：审核员看到的版本，活动已被再次修改时 409）',
      response: eventViewSchema,
      handle: async ({ body, user, params }) =>
        withConflicts(read, await reviewEvent(deps.tx, requireUser(user), params.id!, body, deps.clock(), reminderLeadMs(deps.config.notifications))),
    }),
    route({
      method: 'get',
      path: '/events/:id/conflicts',
      access: ['organizer', 'reviewer', 'admin'],
      tag: 'events',
      summary: '同一场馆时间重叠的其他活动（任何单位；只含名称、单位和时间），供主办单位和审核员查看',
      response: venueConflictsViewSchema,
      handle: async ({ params, user }) => getVenueConflicts(read, requireUser(user), params.id!),
    }),
    route<undefined, RevisionQueueQuery>({
      method: 'get',
      path: '/event-revisions',
      access: ['reviewer', 'organizer', 'admin'],
      tag: 'events',
      query: revisionQueueQuerySchema,
      summary: '待审核的活动修改（审核员看全部；主办单位用 organizerId 看本单位的），等待最久的在前',
      response: pageSchema(eventViewSchema),
      handle: async ({ query, user }) => listRevisionsForReview(read, query, requireUser(user)),
    }),
    route({
      method: 'get',
      path: '/organizations/:id/events/counts',
      access: ['organizer', 'admin'],
      tag: 'events',
      summary: '本单位未结束的活动按状态计数（活动管理的标签：全部、草稿、审核中、已发布、未通过、已取消）',
      response: organizationEventCountsViewSchema,
      handle: async ({ params, user }) => countOrganizationEvents(read, requireUser(user), params.id!, deps.clock()),
    }),
    route<CancelEvent>({
      method: 'post',
      path: '/events/:id/cancel',
      access: ['organizer', 'admin'],
      tag: 'events',
      body: cancelEventSchema,
      summary: '取消活动并通知所有报名者',
      response: eventViewSchema,
      handle: async ({ body, user, params }) => cancelEvent(deps.tx, requireUser(user), params.id!, body, deps.clock()),
    }),
  ];
}
