// The public event list and published event details, answered from bytes
// cached in this process while nothing they show has changed.
//
// Whether something changed comes from the counters in db/list-state.ts, which
// every write bumps in its own transaction. They are read once per request (one
// indexed read of two tiny tables), not at an interval: a sign-up must show in
// the very next list, whichever process serves it. Requests that arrive while
// a read is on the wire share the next read instead of starting their own, so
// a burst costs at most two reads in flight, and each request still sees a
// read that started after it arrived.
//
// The list also changes with time alone (an event ends and leaves it): each
// cached page holds until the earliest end among the rows it read.
import type { Context } from 'koa';
import type { EntityManager } from 'typeorm';
import {
  recommendFirst,
  type EventCountQuery,
  type EventListQuery,
  type EventView,
  type Page,
  type RecommendedEventView,
  type RecommendedQuery,
  type ViewerAudience,
} from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import { CachedJson, sendCachedJson, sendCachedJsonNow } from '../../core/cached-response';
import { listStateReader, type ListState } from '../../db/list-state';
import { countEventCards, listCityDistricts, listEventCards } from './event-list';
import { TaskTitles } from './task-titles';
import { getEvent, loadVisibleEvent } from './events.service';
import { toEventView } from './event.view';

/** How many upcoming events recommendations choose from. */
const RECOMMEND_POOL = 100;

/** Answers kept at most (a page of 20 is about 20 KB). */
const MAX_ENTRIES = 400;

/** Clients and proxies may keep it but must ask again each time (304 when unchanged): a sign-up shows at once. */
const PUBLIC_REVALIDATE = 'public, no-cache';

/**
 * Reads the counters, sharing one read among the requests that arrived before
 * it started. A read starts at the earliest in the event loop's check phase
 * (setImmediate) of the turn a request arrived in, so every request parsed in
 * that turn shares it (on SQLite the read itself is synchronous and would
 * otherwise run once per request); and not before the read on the wire, if
 * any, has come back (at most two in flight on MariaDB).
 */
class StateReader {
  private inFlight: Promise<ListState> | null = null;
  /** The next read, not started yet: whoever asks now joins it. */
  private queued: Promise<ListState> | null = null;

  constructor(private readonly readNow: () => Promise<ListState>) {}

  read(): Promise<ListState> {
    this.queued ??= (this.inFlight ? this.inFlight.catch(() => undefined) : Promise.resolve())
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        // From here on, a request that arrives waits for the read after this one.
        this.queued = null;
        const read = this.readNow().finally(() => {
          if (this.inFlight === read) this.inFlight = null;
        });
        this.inFlight = read;
        return read;
      });
    return this.queued;
  }
}

/** A list query everyone gets the same answer to: published events only. */
function isPublic(query: EventListQuery): boolean {
  return query.status === undefined || query.status === 'published';
}

/** The query as parsed (trimmed, defaults filled), keys sorted: equal queries, equal keys. */
function keyOf(query: EventListQuery | EventCountQuery): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

/**
 * keyOf for a query object the caller reuses across requests (the cache fast path
 * parses each distinct query string once): computed once per object.
 */
const sharedKeys = new WeakMap<object, string>();
function sharedKeyOf(query: EventListQuery | EventCountQuery): string {
  let key = sharedKeys.get(query);
  if (key === undefined) {
    key = keyOf(query);
    sharedKeys.set(query, key);
  }
  return key;
}

/** A cached answer; `body` is set once its build finished. */
interface Entry {
  pending: Promise<CachedJson>;
  body: CachedJson | null;
}

/** Counters only grow: -1 older, 0 the same, 1 newer. */
function compareVersions(a: ListState, b: { events: bigint; plans: bigint }): -1 | 0 | 1 {
  const events = BigInt(a.events);
  const plans = BigInt(a.plans);
  if (events === b.events && plans === b.plans) return 0;
  return events >= b.events && plans >= b.plans ? 1 : -1;
}

export class PublicEvents {
  private readonly titles = new TaskTitles();
  private readonly state: StateReader;
  /** The counters the cached entries were built under. */
  private version = { events: -1n, plans: -1n };
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly manager: EntityManager) {
    this.state = new StateReader(listStateReader(manager));
  }

  /** GET /events. Public queries are answered on ctx from the cache (returns undefined); others return their page. */
  async list(ctx: Context, query: EventListQuery, user: AuthUser | null, now: Date): Promise<Page<EventView> | undefined> {
    const state = await this.state.read();
    if (!isPublic(query)) return (await listEventCards(this.manager, query, user, now, state, this.titles)).page;
    const body = await this.cached(state, `list:${keyOf(query)}`, now, async () => {
      const { page, validUntil } = await listEventCards(this.manager, query, null, now, state, this.titles);
      return new CachedJson(page, validUntil);
    });
    await sendCachedJson(ctx, body, PUBLIC_REVALIDATE);
    return undefined;
  }

  /** GET /events/count: cached as the list is, under the same counters and until the first counted event ends. */
  async count(ctx: Context, query: EventCountQuery, now: Date): Promise<undefined> {
    const state = await this.state.read();
    const body = await this.cached(state, `count:${keyOf(query)}`, now, async () => {
      const { count, validUntil } = await countEventCards(this.manager, query, now, state);
      return new CachedJson({ count }, validUntil);
    });
    await sendCachedJson(ctx, body, PUBLIC_REVALIDATE);
    return undefined;
  }

  /** GET /events/districts: the city's districts with events not ended yet, cached the same way. */
  async districts(ctx: Context, city: string, now: Date): Promise<undefined> {
    const state = await this.state.read();
    const body = await this.cached(state, `districts:${city}`, now, async () => {
      const { items, validUntil } = await listCityDistricts(this.manager, city, now, state);
      return new CachedJson({ items, nextCursor: null }, validUntil);
    });
    await sendCachedJson(ctx, body, PUBLIC_REVALIDATE);
    return undefined;
  }

  /** GET /events/recommended: the next 100 events of the city, those that suit who is looking first, each with its reason. */
  async recommended(query: RecommendedQuery, viewer: ViewerAudience | null, now: Date): Promise<Page<RecommendedEventView>> {
    const state = await this.state.read();
    const { page } = await listEventCards(this.manager, { city: query.city, limit: RECOMMEND_POOL }, null, now, state, this.titles);
    return { items: recommendFirst(viewer, page.items).slice(0, query.limit), nextCursor: null };
  }

  /**
   * The fast path (http/mount.ts cachedPublicAnswers) for signed-out GET /events, /events/count and
   * /events/districts: answers ctx from the cache when that query's answer is ready under the
   * current counters, without waiting on anything but the counters' read. false: nothing was
   * sent, the request takes the whole way (and builds the answer on a miss). `query` may be
   * shared by many requests and is not changed.
   */
  listFromCache(ctx: Context, query: EventListQuery, now: Date): Promise<boolean> {
    return isPublic(query) ? this.answerFromCache(ctx, `list:${sharedKeyOf(query)}`, now) : Promise.resolve(false);
  }

  countFromCache(ctx: Context, query: EventCountQuery, now: Date): Promise<boolean> {
    return this.answerFromCache(ctx, `count:${sharedKeyOf(query)}`, now);
  }

  districtsFromCache(ctx: Context, city: string, now: Date): Promise<boolean> {
    return this.answerFromCache(ctx, `districts:${city}`, now);
  }

  private async answerFromCache(ctx: Context, key: string, now: Date): Promise<boolean> {
    // The counters are read for every request, as on the whole way: a write shows in the very next answer.
    const state = await this.state.read();
    const body = this.lookup(state, key, now)?.body;
    return body ? sendCachedJsonNow(ctx, body, PUBLIC_REVALIDATE) : false;
  }

  /** GET /events/:id. A published event is answered from the cache (undefined); others return their view, to those who may see it. */
  async detail(ctx: Context, id: string, user: AuthUser | null, now: Date): Promise<EventView | undefined> {
    // Organizers, reviewers and admins may see a change awaiting review: theirs is not the public view.
    if (user && (user.organizationIds.length > 0 || user.roles.includes('reviewer') || user.roles.includes('admin'))) return getEvent(this.manager, id, user);
    const state = await this.state.read();
    const key = `event:${id}`;
    const known = this.lookup(state, key, now);
    if (known) {
      await sendCachedJson(ctx, await known.pending, PUBLIC_REVALIDATE);
      return undefined;
    }
    const event = await loadVisibleEvent(this.manager, id, user);
    // The public never sees a change awaiting review.
    const view: EventView = { ...(await toEventView(this.manager, event)), revision: null };
    // Only published events look the same to everyone.
    if (event.status !== 'published') return view;
    const body = new CachedJson(view);
    this.store(state, key, Promise.resolve(body));
    await sendCachedJson(ctx, body, PUBLIC_REVALIDATE);
    return undefined;
  }

  /** The cached answer for key, or a fresh one from `build`; concurrent misses of one key share one build. */
  private cached(state: ListState, key: string, now: Date, build: () => Promise<CachedJson>): Promise<CachedJson> {
    const known = this.lookup(state, key, now);
    if (known) return known.pending;
    const built = build();
    this.store(state, key, built);
    return built;
  }

  /** A usable entry: built under these counters and, if built, not outlived by time. */
  private lookup(state: ListState, key: string, now: Date): Entry | null {
    const order = compareVersions(state, this.version);
    if (order !== 0) {
      // Newer counters: everything cached may be out of date. Older ones (this request read
      // before another did) just go around the cache.
      if (order > 0) {
        this.entries.clear();
        this.version = { events: BigInt(state.events), plans: BigInt(state.plans) };
      }
      return null;
    }
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.body && entry.body.validUntil < now.getTime()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Keeps an answer built under `state`, unless newer counters were seen meanwhile (its rows may predate them). */
  private store(state: ListState, key: string, pending: Promise<CachedJson>): void {
    if (compareVersions(state, this.version) !== 0) return;
    const entry: Entry = { pending, body: null };
    pending.then(
      (body) => {
        entry.body = body;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first out; Map keeps insertion order.
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
