// Owns: the generic Chinese words the importer matches plans against: audiences, themes, body-name suffixes, role phrases, place suffixes.
// Does not own: campaign names and aliases (the shared catalogue), nor any word specific to one city's document.

/**
 * Audiences (对象) and the words that reveal them, searched in a task's section path and text.
 * Matching is longest-keyword-wins, so `中小学教师` counts as 教师 only and `农民工` as 产业工人 only;
 * a keyword listed under two audiences (`女科技工作者`) counts for both.
 * Choices: 学校/校园/中小学 mean 青少年; 农村/乡村 mean 农民; 干部/党校 mean 领导干部和公务员;
 * 社区 means 社区居民; 养老/助老/银龄/老干部 (retired cadres) mean 老年人; 高校, 科学家 and 院士 are actors or
 * role models (科学家精神), not audiences.
 */
export const AUDIENCE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  青少年: ['青少年', '未成年人', '中小学', '中学', '小学', '中学生', '小学生', '中小学生', '学校', '校园', '少年宫', '少年'],
  学生: ['学生', '大学生', '研究生', '中学生', '小学生', '中小学生'],
  农民: ['农民', '高素质农民', '农村', '乡村', '农户', '农技人员'],
  产业工人: ['产业工人', '工人', '农民工', '技能人才', '工匠', '蓝领', '技术工人'],
  老年人: ['老年人', '老年', '老人', '老龄', '银龄', '养老', '助老', '为老', '老干部'],
  领导干部和公务员: ['领导干部和公务员', '领导干部', '公务员', '干部', '党校', '行政学院'],
  妇女: ['妇女', '女性', '女科技工作者', '巾帼'],
  儿童: ['儿童', '幼儿', '幼儿园', '少年儿童'],
  残疾人: ['残疾人', '残障', '助残'],
  社区居民: ['社区居民', '社区', '居民', '城镇'],
  科技工作者: ['科技工作者', '女科技工作者', '科技人员', '科研人员', '科技人才'],
  教师: ['教师', '中小学教师', '科学教师', '科技辅导员', '校长', '校园长'],
  职工: ['职工', '员工', '劳动者'],
  少数民族: ['少数民族', '民族地区', '民族特色'],
};

/**
 * Themes (主题) and their keywords, searched in a task's text. Campaign themes from the
 * catalogue are added on top by the extractor; names used by the catalogue (气象, 水, 自然资源 …) are
 * listed here too so that both sources speak the same words.
 */
export const THEME_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  健康: ['健康', '卫生', '医疗', '疾病', '传染病', '营养', '心理', '用药', '义诊'],
  应急: ['应急', '避险', '救援', '急救', '自救互救', '突发事件'],
  防灾减灾: ['防灾减灾', '减灾', '防震', '地震', '灾害', '防汛'],
  生态环境: ['生态环境', '生态文明', '生态保护', '环境保护', '环保', '治污', '污染', '绿色', '生物多样性', '垃圾分类'],
  低碳: ['低碳', '碳达峰', '碳中和', '节能', '减排', '固碳'],
  航天: ['航天', '太空', '空间站', '航空航天'],
  食品安全: ['食品安全', '食品'],
  科学家精神: ['科学家精神'],
  数字素养: ['数字素养', '数字技能', '数字化', '数字经济', '数字中国', '智能技术', '智能手机', '人工智能', '智能化'],
  三农: ['三农', '农业', '乡村振兴', '农技', '涉农', '农村'],
  消防: ['消防', '火灾'],
  安全生产: ['安全生产'],
  网络安全: ['网络安全', '电信诈骗', '网络谣言', '个人信息保护'],
  气象: ['气象'],
  水: ['节水', '水资源', '水利'],
  自然资源: ['自然资源', '土地', '地质', '矿产'],
  海洋: ['海洋'],
  国家安全: ['国家安全'],
  阅读: ['阅读', '读书'],
  知识产权: ['知识产权', '专利'],
  创新创业: ['创新创业', '双创', '创业'],
};

/**
 * Words by which a task calls for 科技志愿服务 (volunteers to serve at its activities). 志愿 alone is
 * left out: 志愿填报 is about university applications.
 */
export const VOLUNTEER_SERVICE_KEYWORDS: readonly string[] = ['科技志愿', '科普志愿', '志愿服务', '志愿者', '志愿队', '志愿活动'];

/**
 * How the name of a body (机关、单位、组织) ends. A bracket at the end of a task is read as its
 * responsible units only when every item ends with one of these, or is a collective (各…).
 */
export const BODY_SUFFIXES: readonly string[] = [
  '领导小组',
  '工作组',
  '委员会',
  '办公室',
  '政府',
  '中央',
  '单位',
  '部门',
  '中心',
  '集团',
  '公司',
  '银行',
  '局',
  '委',
  '部',
  '会',
  '协',
  '办',
  '院',
  '校',
  '团',
  '联',
  '馆',
  '队',
  '所',
  '台',
  '站',
  '厅',
  '处',
  '署',
  '社',
  '室',
  '司',
  '园',
  '库',
];

/** Words that say how a unit takes part, dropped from unit names (`市科协按职责分工负责` -> `市科协`). Longest first. */
export const ROLE_PHRASES: readonly string[] = [
  '按职责分工负责',
  '按职能分工负责',
  '按职责分工',
  '按职责负责',
  '分工负责',
  '共同负责',
  '牵头负责',
  '配合负责',
  '负责',
  '牵头',
  '配合',
  '参与',
  '协办',
  '主办',
  '承办',
];

/** Labels that may open a unit list (`牵头单位：市科协`), dropped before splitting. */
export const UNIT_LIST_LABELS: readonly string[] = ['责任单位', '牵头单位', '配合单位', '参与单位', '责任部门', '牵头部门', '配合部门'];

/** A unit name that stands for a group of bodies rather than one (各成员单位, 各有关单位, 各县区). */
export const COLLECTIVE_UNIT = /^各/;

/** The admin-level suffixes a city, county, district or province name ends with. Longest first. */
export const PLACE_SUFFIXES: readonly string[] = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
];

/**
 * Words that start the subject of a plan title or a body name; the place name is what comes before
 * (`某某市` in `某某市全民科学素质…`, `某某县` in `某某县科学技术协会`).
 */
export const SUBJECT_WORDS: readonly string[] = [
  '全民科学素质纲要',
  '全民科学素质',
  '公民科学素质',
  '科学素质',
  '全民',
  '公民',
  '科普',
  '科学技术',
  '科技',
  '科学',
  '人民政府',
  '政府',
  '委员会',
  '领导小组',
];

/** A plan title must name its subject with one of these. */
export const PLAN_TOPICS: readonly string[] = ['科学素质', '科学素养', '科普'];

/** How the title of a plan ends (its kind, as written). Longest first, so 科普工作要点 wins over 工作要点. */
export const PLAN_KINDS: readonly string[] = [
  '任务分工方案',
  '科普工作要点',
  '工作要点',
  '工作计划',
  '工作安排',
  '工作方案',
  '实施方案',
  '行动方案',
  '重点任务',
];

/** Bodies that issue national plans: their plans are filed under 全国. */
export const NATIONAL_BODIES: readonly string[] = [
  '全民科学素质纲要实施工作办公室',
  '全民科学素质行动规划纲要实施工作办公室',
  '全民科学素质纲要办',
  '中国科学技术协会',
  '中国科协',
  '国务院',
  '科技部',
  '科学技术部',
  '中共中央',
];

/** Municipalities directly under the central government: a province-level place ending in 市. */
export const MUNICIPALITIES: readonly string[] = ['北京市', '天津市', '上海市', '重庆市'];
