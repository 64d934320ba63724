// The rules of 我的任务 on plain rows: which plans frame a year, roles when the plan writes them
// and when it does not, one organization however it is written, and collective phrases.
import { addressesEveryMember, matchDuty, plansInForce, qualifiedName, unitRoles, type DutyPlanRow } from './duties.rules';

const plan = (id: string, city: string, year: number, period: [number, number] | null = null): DutyPlanRow => ({
  id,
  city,
  year,
  periodFrom: period?.[0] ?? null,
  periodTo: period?.[1] ?? null,
});
const chosen = (plans: DutyPlanRow[], year: number) => plansInForce(plans, year).map(({ plan, carriedOver }) => `${plan.id}${carriedOver ? '(carried)' : ''}`);

const org = { id: 'org-kx', name: '市科协', city: '秦皇岛市' };
const unit = (name: string, organizationId: string | null = null, role: 'lead' | 'support' | null = null) => ({ name, organizationId, role });

describe('plans in force for a year', () => {
  const plans = [
    plan('qhd-2025', '秦皇岛市', 2025),
    plan('qhd-2026', '秦皇岛市', 2026),
    plan('hb-2021', '河北省', 2021, [2021, 2025]),
    plan('ts-2023', '唐山市', 2023),
  ];

  it("when a place has a plan for the year, that plan is chosen, not the year before's", () => {
    expect(chosen(plans, 2026)).toEqual(['qhd-2026', 'ts-2023(carried)', 'hb-2021(carried)']);
  });

  it('when a multi-year plan covers the year, it is in force without being carried over', () => {
    expect(chosen(plans, 2024)).toEqual(['ts-2023(carried)', 'hb-2021']);
  });

  it('when every plan of a place is later than the year, the place has none', () => {
    expect(chosen(plans, 2022)).toEqual(['hb-2021']);
  });
});

describe('roles', () => {
  it('when the plan writes roles, they are taken as written', () => {
    expect(unitRoles([unit('市卫健委', null, 'lead'), unit('市科协', null, 'support')])).toEqual([
      { role: 'lead', written: true },
      { role: 'support', written: true },
    ]);
  });

  it('when the plan writes none, the first unit named leads and a collective takes no role', () => {
    expect(unitRoles([unit('各成员单位'), unit('市民政局'), unit('市教育局')])).toEqual([
      null,
      { role: 'lead', written: false },
      { role: 'support', written: false },
    ]);
  });

  it('when only supporting units are written, the first unit without a role leads', () => {
    expect(unitRoles([unit('市科协'), unit('市教育局', null, 'support')]).map((r) => r?.role)).toEqual(['lead', 'support']);
  });
});

describe('matching a task to the organization', () => {
  it('when the stored link names the organization, the task matches with the written name and role', () => {
    expect(matchDuty([unit('市卫健委', 'org-wj', 'lead'), unit('市科学技术协会', 'org-kx', 'support')], org, '秦皇岛市')).toEqual({
      role: 'support',
      roleWritten: true,
      unitName: '市科学技术协会',
      collective: false,
    });
  });

  it('when a unit of its own city has no stored link, a name written another way still matches', () => {
    expect(matchDuty([unit('市科学技术协会')], org, '秦皇岛市')?.unitName).toBe('市科学技术协会');
  });

  it('when a provincial plan writes the place out, the qualified name matches; another city of the same name does not', () => {
    expect(qualifiedName(org)).toBe('秦皇岛市科协');
    expect(matchDuty([unit('秦皇岛市科学技术协会', 'org-hb-1')], org, '河北省')).toMatchObject({ role: 'lead', collective: false });
    expect(matchDuty([unit('唐山市科协', 'org-hb-2')], org, '河北省')).toBeNull();
    expect(matchDuty([unit('省科协', 'org-hb-3')], org, '河北省')).toBeNull();
  });

  it('when only 各成员单位 names the task, it is a shared task; 各县区科协 addresses nobody here', () => {
    expect(matchDuty([unit('各成员单位', 'org-all')], org, '秦皇岛市')).toEqual({ role: null, roleWritten: false, unitName: '各成员单位', collective: true });
    expect(matchDuty([unit('各县区科协', 'org-counties')], org, '秦皇岛市')).toBeNull();
    expect(matchDuty([unit('各成员单位', 'org-all')], org, '河北省')).toBeNull();
    expect(addressesEveryMember('各有关部门')).toBe(true);
    expect(addressesEveryMember('各县（市、区）')).toBe(false);
  });

  it('when the organization is named and a collective too, its own role wins', () => {
    expect(matchDuty([unit('各成员单位'), unit('市科协', 'org-kx')], org, '秦皇岛市')).toMatchObject({ role: 'lead', collective: false });
  });
});
