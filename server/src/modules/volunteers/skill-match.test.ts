import { matchSkills, skillMatchReason } from './skill-match';

describe('how a shift matches a volunteer skills', () => {
  const shift = { skills: ['科普讲解'], role: '展厅讲解员', themes: ['航天'] };

  it('a skill the shift asks for counts twice, one its role or event themes reveal counts once', () => {
    expect(matchSkills(['科普讲解'], shift)).toEqual({ score: 2, skills: ['科普讲解'] });
    expect(matchSkills(['天文航天'], shift)).toEqual({ score: 1, skills: ['天文航天'] });
    expect(matchSkills(['天文航天', '科普讲解'], shift)).toEqual({ score: 3, skills: ['天文航天', '科普讲解'] });
  });

  it('no shared skill scores zero and gives no reason', () => {
    const none = matchSkills(['手语', '外语'], shift);
    expect(none).toEqual({ score: 0, skills: [] });
    expect(skillMatchReason(none)).toBeNull();
  });

  it('the role name alone reveals a skill', () => {
    expect(matchSkills(['秩序引导'], { skills: [], role: '入口引导', themes: [] }).score).toBe(1);
  });

  it('the reason names the matching skills', () => {
    expect(skillMatchReason({ score: 3, skills: ['天文航天', '科普讲解'] })).toBe('与你的技能相符（天文航天、科普讲解）');
  });
});
