// Demo content: activity templates and a little geography for the cities of
// the seed plans. Only the demo seeder reads this; the importer never does.

export interface DemoActivityTemplate {
  title: string;
  description: string;
  themes: string[];
  audiences: string[];
  campaign?: string;
  dayOffset: number;
  startTime: string;
  hours: number;
  capacity: number;
}

export const demoActivityTemplates: DemoActivityTemplate[] = [
  {
    title: '家庭应急避险演练开放日',
    description: '消防员带大家练习火场逃生、灭火器使用和应急包整理。',
    themes: ['应急', '消防'],
    audiences: ['社区居民'],
    dayOffset: 2,
    startTime: '09:30',
    hours: 2,
    capacity: 40,
  },
  {
    title: '银龄智能手机课堂：防范电信诈骗',
    description: '手把手教老年朋友识别诈骗短信和电话，学会使用健康码与挂号小程序。',
    themes: ['数字素养'],
    audiences: ['老年人'],
    dayOffset: 3,
    startTime: '14:30',
    hours: 1.5,
    capacity: 30,
  },
  {
    title: '青少年机器人编程体验营',
    description: '面向8-14岁的中小学生：动手搭建并编程一台巡线小车，作品在校园科技节上展示。',
    themes: ['科技'],
    audiences: ['青少年'],
    dayOffset: 5,
    startTime: '09:00',
    hours: 3,
    capacity: 24,
  },
  {
    title: '食品安全进社区：餐桌上的科学',
    description: '食品安全专家讲解添加剂、保质期与家庭储存误区，现场快检演示。',
    themes: ['食品安全', '健康'],
    audiences: ['社区居民'],
    campaign: 'food-safety-week',
    dayOffset: 6,
    startTime: '15:00',
    hours: 2,
    capacity: 50,
  },
  {
    title: '星空观测夜：认识冬季星座',
    description: '天文爱好者协会带来望远镜，观测月面与木星（阴天改为室内讲座）。',
    themes: ['航天', '科技'],
    audiences: ['青少年', '社区居民'],
    dayOffset: 8,
    startTime: '19:00',
    hours: 2,
    capacity: 2,
  },
  {
    title: '高素质农民培训：设施蔬菜病虫害绿色防控',
    description: '农技专家田间授课，讲解绿色防控与科学用药。',
    themes: ['三农'],
    audiences: ['农民'],
    dayOffset: 9,
    startTime: '09:00',
    hours: 4,
    capacity: 60,
  },
  {
    title: '心肺复苏与AED急救培训',
    description: '红十字会急救导师带教，考核合格可获得培训证明。',
    themes: ['健康', '应急'],
    audiences: ['社区居民', '产业工人'],
    dayOffset: 11,
    startTime: '14:00',
    hours: 3,
    capacity: 20,
  },
  {
    title: '科学家精神报告会：走近身边的科技工作者',
    description: '邀请本地科技工作者分享科研故事。',
    themes: ['科学家精神'],
    audiences: ['青少年', '科技工作者'],
    campaign: 'science-tech-workers-day',
    dayOffset: 13,
    startTime: '10:00',
    hours: 2,
    capacity: 200,
  },
  {
    title: '低碳生活科普市集',
    description: '旧物改造、垃圾分类游戏、家庭节能小窍门。',
    themes: ['生态环境', '低碳'],
    audiences: ['社区居民', '儿童'],
    dayOffset: 16,
    startTime: '09:30',
    hours: 3,
    capacity: 150,
  },
  {
    title: '老年人健康大讲堂：慢病管理与合理用药',
    description: '三甲医院医生讲解高血压、糖尿病的日常管理与用药误区。',
    themes: ['健康'],
    audiences: ['老年人'],
    dayOffset: 18,
    startTime: '09:30',
    hours: 1.5,
    capacity: 80,
  },
  {
    title: '产业工人创新方法工作坊',
    description: 'TRIZ 创新方法入门与班组小改小革案例分享。',
    themes: ['科技'],
    audiences: ['产业工人'],
    dayOffset: 21,
    startTime: '14:00',
    hours: 3,
    capacity: 40,
  },
  {
    title: '科技馆科学实验秀',
    description: '液氮、静电与声波实验表演，适合亲子家庭。',
    themes: ['科普'],
    audiences: ['青少年', '儿童'],
    dayOffset: 24,
    startTime: '10:30',
    hours: 1,
    capacity: 120,
  },
];

interface Place {
  district: string;
  venue: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

const knownCities: Record<string, Place[]> = {
  唐山市: [
    { district: '路北区', venue: '唐山科技馆', address: '路北区建设北路', lat: 39.6437, lng: 118.1836 },
    { district: '路南区', venue: '路南区新时代文明实践中心', address: '路南区新华西道', lat: 39.6168, lng: 118.1671 },
    { district: '丰润区', venue: '丰润区图书馆', address: '丰润区曹雪芹大街', lat: 39.8325, lng: 118.1627 },
    { district: '开平区', venue: '开平区社区科普大学', address: '开平区新苑路', lat: 39.6712, lng: 118.2626 },
  ],
  柳州市: [
    { district: '城中区', venue: '柳州科技馆', address: '城中区文昌路', lat: 24.3106, lng: 109.4297 },
    { district: '鱼峰区', venue: '鱼峰区新时代文明实践中心', address: '鱼峰区箭盘路', lat: 24.3042, lng: 109.4536 },
    { district: '柳北区', venue: '柳北区社区科普大学', address: '柳北区跃进路', lat: 24.3611, lng: 109.4064 },
    { district: '柳南区', venue: '柳南区青少年活动中心', address: '柳南区航一路', lat: 24.2998, lng: 109.3844 },
  ],
};

export function demoCityGeography(city: string): { places: Place[] } {
  return { places: knownCities[city] ?? [{ district: '', venue: `${city}科技馆`, address: '', lat: null, lng: null }] };
}
