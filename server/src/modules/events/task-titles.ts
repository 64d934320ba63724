// Plan-task titles for event cards, cached per plan in this process. Titles
// change only when a plan is imported again or corrected; every such write
// bumps the `plans` counter (db/list-state.ts), so an entry read under another
// counter value is dropped, in every process.
import type { EntityManager } from 'typeorm';

/** Plans whose titles are kept at most; a city has a plan a year, so this is years of every city. */
const MAX_PLANS = 500;

export class TaskTitles {
  private version: string | null = null;
  private readonly byPlan = new Map<string, Map<number, string>>();

  /**
   * A lookup of the titles of these plans' tasks. `plansVersion` is the
   * counter read before this request's rows; null reads around the cache.
   */
  async lookup(manager: EntityManager, planIds: string[], plansVersion: string | null): Promise<(planId: string, ordinal: number) => string> {
    const cacheable = plansVersion !== null;
    if (cacheable && plansVersion !== this.version) {
      this.byPlan.clear();
      this.version = plansVersion;
    }
    const missing = cacheable ? planIds.filter((id) => !this.byPlan.has(id)) : planIds;
    const loaded = new Map<string, Map<number, string>>();
    if (missing.length) {
      const rows = (await manager.query(
        `SELECT planId, ordinal, title FROM plan_tasks WHERE planId IN (${missing.map(() => '?').join(', ')}) ORDER BY planId, ordinal`,
        missing,
      )) as { planId: string; ordinal: number | string; title: string }[];
      for (const id of missing) loaded.set(id, new Map());
      // By position: numbering may restart per section, so two tasks may share a number.
      for (const row of rows) loaded.get(row.planId)!.set(Number(row.ordinal), row.title);
      // Kept only if no newer counter was seen meanwhile: these rows may predate it.
      if (cacheable && this.version === plansVersion) {
        if (this.byPlan.size + loaded.size > MAX_PLANS) this.byPlan.clear();
        for (const [id, titles] of loaded) this.byPlan.set(id, titles);
      }
    }
    // Taken now: another request may clear the cache before the caller reads.
    const found = new Map(planIds.map((id) => [id, loaded.get(id) ?? this.byPlan.get(id)]));
    return (planId, ordinal) => found.get(planId)?.get(ordinal) ?? '';
  }
}
