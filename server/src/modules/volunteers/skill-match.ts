// How well a shift suits a volunteer: the volunteer's skills against the
// shift's needed skills, its role name and its event's themes. Pure.

/** Words of a role or a theme that reveal each skill (the themes are the importer's theme labels). */
const SKILL_HINTS: Readonly<Record<string, readonly string[]>> = {
  科普讲解: ['讲解', '宣讲', '科普'],
  实验演示: ['实验', '演示'],
  应急救护: ['救护', '急救', '应急'],
  防灾减灾: ['防灾减灾', '防震', '地震', '消防'],
  健康科普: ['健康', '义诊', '医疗'],
  食品安全: ['食品安全', '食品'],
  信息技术: ['信息技术', '网络安全', '数字素养', '编程'],
  智能手机教学: ['智能手机', '手机', '数字素养'],
  农业技术: ['农业', '农技', '三农'],
  生态环保: ['生态环境', '低碳', '环保', '垃圾分类'],
  天文航天: ['天文', '航天'],
  摄影摄像: ['摄影', '摄像', '拍摄'],
  活动组织: ['组织', '统筹'],
  秩序引导: ['引导', '秩序', '签到', '接待'],
  外语: ['外语', '英语', '翻译'],
  手语: ['手语', '助残'],
};

export interface ShiftForMatch {
  skills: readonly string[];
  role: string;
  themes: readonly string[];
}

export interface SkillMatch {
  /** Higher first: 2 for each skill the shift asks for, 1 for one its role or themes reveal. */
  score: number;
  /** The volunteer's skills that match, in the volunteer's order. */
  skills: string[];
}

export function matchSkills(volunteerSkills: readonly string[], shift: ShiftForMatch): SkillMatch {
  let score = 0;
  const skills: string[] = [];
  for (const skill of volunteerSkills) {
    if (shift.skills.includes(skill)) {
      score += 2;
      skills.push(skill);
      continue;
    }
    const hints = SKILL_HINTS[skill] ?? [skill];
    const revealed = hints.some((word) => shift.role.includes(word) || shift.themes.some((theme) => theme.includes(word) || word.includes(theme)));
    if (revealed) {
      score += 1;
      skills.push(skill);
    }
  }
  return { score, skills };
}

/** Why a shift is listed first: 与你的技能相符（科普讲解、摄影摄像）; null when nothing matches. */
export function skillMatchReason(match: SkillMatch): string | null {
  return match.skills.length > 0 ? `与你的技能相符（${match.skills.join('、')}）` : null;
}
