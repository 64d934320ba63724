import { needsVolunteers, volunteerKeywordOf } from './volunteer-need';

const task = (text: string, title = '', sectionPath: string[] = []) => ({ title, text, sectionPath });

describe('plan tasks that call for 科技志愿服务', () => {
  it('a task that organizes volunteers in its text needs them', () => {
    expect(needsVolunteers(task('组织科技志愿者深入社区开展应急科普宣传。'))).toBe(true);
    expect(volunteerKeywordOf(task('广泛开展科技志愿服务活动。'))).toBe('科技志愿');
    expect(volunteerKeywordOf(task('招募志愿者参与讲解。'))).toBe('志愿者');
  });

  it('its title or a section heading above it is enough', () => {
    expect(needsVolunteers(task('开展科普讲座。', '科普志愿服务进社区'))).toBe(true);
    expect(needsVolunteers(task('开展科普讲座。', '', ['三、壮大科技志愿服务队伍']))).toBe(true);
  });

  it('a task without those words does not, and 志愿填报 is not volunteering', () => {
    expect(needsVolunteers(task('举办全国科普日主场活动。', '全国科普日'))).toBe(false);
    expect(needsVolunteers(task('开展高考志愿填报咨询。'))).toBe(false);
  });
});
