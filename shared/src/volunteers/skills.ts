// The fixed skill list of 科技志愿服务 profiles and shifts. Its own module,
// free of zod, so the mini-program can import it without the schema library.
export const volunteerSkills = [
  '科普讲解',
  '实验演示',
  '应急救护',
  '防灾减灾',
  '健康科普',
  '食品安全',
  '信息技术',
  '智能手机教学',
  '农业技术',
  '生态环保',
  '天文航天',
  '摄影摄像',
  '活动组织',
  '秩序引导',
  '外语',
  '手语',
] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];
