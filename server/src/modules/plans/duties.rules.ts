// Owns: the pure rules of 我的任务 — which plans frame a year's work, which tasks name an
// organization (and in what role), and which collective phrases address every member unit.
// Does not own: loading plans or events (duties.service.ts), nor plan progress (plans.service.ts).
import { canonicalUnitName } from '../../importer';
import { COLLECTIVE_UNIT } from '../../importer/vocabulary';

export type DutyRole = 'lead' | 'support';

export interface DutyPlanRow {
  id: string;
  city: string;
  year: number;
  periodFrom: number | null;
  periodTo: number | null;
}

export interface DutyUnit {
  name: string;
  organizationId: string | null;
  role?: DutyRole | null;
}

export interface DutyOrganization {
  id: string;
  name: string;
  city: string;
}

/** How a task names the organization: in its own name (a role), or only through 各成员单位 (collective). */
export interface DutyMatch {
  role: DutyRole | null;
  roleWritten: boolean;
  unitName: string;
  collective: boolean;
}

const covers = (plan: DutyPlanRow, year: number) =>
  plan.periodFrom !== null && plan.periodTo !== null ? plan.periodFrom <= year && year <= plan.periodTo : plan.year === year;
const lastYearOf = (plan: DutyPlanRow) => (plan.periodFrom !== null && plan.periodTo !== null ? plan.periodTo : plan.year);

/**
 * The plans that frame `year`'s work, per place: those written for the year (or whose period
 * covers it); when a place has none, its newest earlier plan stays in force (carriedOver) until
 * the next one is imported, as the event form's task list does. Later plans never count.
 */
export function plansInForce<P extends DutyPlanRow>(plans: P[], year: number): { plan: P; carriedOver: boolean }[] {
  const byPlace = new Map<string, P[]>();
  for (const plan of plans) byPlace.set(plan.city, [...(byPlace.get(plan.city) ?? []), plan]);
  const chosen: { plan: P; carriedOver: boolean }[] = [];
  for (const placePlans of byPlace.values()) {
    const current = placePlans.filter((p) => covers(p, year));
    if (current.length > 0) {
      chosen.push(...current.map((plan) => ({ plan, carriedOver: false })));
      continue;
    }
    const earlier = placePlans.filter((p) => lastYearOf(p) < year).sort((a, b) => lastYearOf(b) - lastYearOf(a) || b.year - a.year);
    if (earlier[0]) chosen.push({ plan: earlier[0], carriedOver: true });
  }
  return chosen.sort((a, b) => b.plan.year - a.plan.year || a.plan.city.localeCompare(b.plan.city, 'zh-CN'));
}

/**
 * Collective phrases meant for every member unit of the leading group: 各成员单位, 各有关单位,
 * 各相关部门, 各单位. Phrases naming places (各县区, 各县（市、区）科协, 各乡镇) are addressed to the
 * counties' own bodies, not to the city's units, so they address nobody here.
 */
export function addressesEveryMember(name: string): boolean {
  return /^各(?:成员|有关|相关|责任|职能|级)?(?:单位|部门)$/.test(name);
}

/**
 * Each named unit's role: as written, else (the plan marks no lead) the first unit not written
 * as support leads and the others support, the convention the task matcher follows too.
 * Collective phrases take no part; they come back as null.
 */
export function unitRoles(units: DutyUnit[]): ({ role: DutyRole; written: boolean } | null)[] {
  const named = units.map((u) => !COLLECTIVE_UNIT.test(u.name));
  const leadWritten = units.some((u, i) => named[i] && u.role === 'lead');
  const firstOpen = units.findIndex((u, i) => named[i] && u.role == null);
  return units.map((u, i) => {
    if (!named[i]) return null;
    if (u.role) return { role: u.role, written: true };
    return { role: !leadWritten && i === firstOpen ? 'lead' : 'support', written: false };
  });
}

const comparable = (name: string) => canonicalUnitName(name).replace(/^中共/, '');

/** `市科协` of 唐山市 -> 唐山市科协, `团市委` -> 团唐山市委: the name as a plan of another place writes it. */
export function qualifiedName(organization: DutyOrganization): string {
  if (organization.name.startsWith(organization.city)) return organization.name;
  const m = /^(团)?([省市州盟县区旗])(.+)$/.exec(organization.name);
  if (m && organization.city.endsWith(m[2]!)) return `${m[1] ?? ''}${organization.city}${m[3]}`;
  return organization.name;
}

/**
 * Whether a unit of a plan filed under `planCity` is the organization. In its own city's plans
 * the stored link decides (the importer made one organization per unit however written: 市卫健委
 * = 市卫生健康委); a unit stored without a link is compared by its canonical name. A national or
 * provincial plan writes the place out (唐山市科协), so there the qualified names are compared.
 */
export function isOrganization(unit: DutyUnit, organization: DutyOrganization, planCity: string): boolean {
  if (unit.organizationId === organization.id) return true;
  if (planCity === organization.city) return unit.organizationId === null && comparable(unit.name) === comparable(organization.name);
  return comparable(unit.name) === comparable(qualifiedName(organization));
}

/**
 * How a task names the organization, or null when it does not. Named more than once, the lead
 * role wins. Only in its own city's plans does a phrase for every member unit (各成员单位) bring
 * a task in, as a shared (collective) one.
 */
export function matchDuty(units: DutyUnit[], organization: DutyOrganization, planCity: string): DutyMatch | null {
  const roles = unitRoles(units);
  let match: DutyMatch | null = null;
  for (const [i, unit] of units.entries()) {
    const role = roles[i];
    if (!role || !isOrganization(unit, organization, planCity)) continue;
    if (match?.role === 'lead') break;
    match = { role: role.role, roleWritten: role.written, unitName: unit.name, collective: false };
  }
  if (match) return match;
  if (planCity !== organization.city) return null;
  const shared = units.find((u) => COLLECTIVE_UNIT.test(u.name) && addressesEveryMember(u.name));
  return shared ? { role: null, roleWritten: false, unitName: shared.name, collective: true } : null;
}
