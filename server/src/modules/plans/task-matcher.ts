// Which plan tasks an event carries out: ranks a plan's tasks for an event by what they share
// (audiences, themes, campaign, words of the title and description, the organizing organization)
// and says why in Chinese. Pure: plain data in, ranked suggestions out; no database.
// Speaks the importer's vocabulary so that an event and a task are read with the same words.
import { campaignByCode } from '../../campaigns';
import { matchVocabulary } from '../../importer/extract';
import { AUDIENCE_KEYWORDS, THEME_KEYWORDS } from '../../importer/vocabulary';

/** What the matcher needs of a task: the stored task (PlanTaskEntity) or a parsed one (ParsedTask) both fit. */
export interface MatchableTask {
  number: number;
  /** Position in the plan, 1-based; when absent, the place in the list given. */
  ordinal?: number;
  title: string;
  text: string;
  sectionPath: string[];
  responsibleUnits: { name: string; organizationId?: string | null; role?: 'lead' | 'support' | null }[];
  audiences: string[];
  themes: string[];
  campaigns: { code: string; name: string }[];
}

/** An event, saved or still a draft. */
export interface EventProfile {
  title: string;
  description: string;
  audiences: string[];
  themes: string[];
  /** A campaign code of the catalogue. */
  campaign?: string | null;
  /** The organizing organization: its place among a task's units counts. */
  organizerId?: string | null;
}

export interface TaskMatch {
  number: number;
  /** The task's position in its plan: names it when two tasks share a written number. */
  ordinal: number;
  title: string;
  score: number;
  /** Chinese, for the organizer: 同为老年人、数字素养；本单位牵头. */
  reason: string;
}

/** Points for each kind of shared thing. A task's focus is what its title and section headings name. */
const WEIGHTS = {
  campaign: 4,
  focus: 3,
  /** A theme the task's text names is its subject more often than an audience it names in passing. */
  themeMention: 2,
  furtherThemeMention: 1,
  audienceMention: 1,
  /** A theme of a campaign the task runs (中国航天日 -> 航天): the task organizes activities on it. Once per task. */
  campaignTheme: 1,
  /** An audience or theme only the description suggests: the organizer did not say it. */
  incidental: 1,
  /** A word of the task's title says what the task is about. */
  titleWord: 2,
  /** Keywords count up to this much in all, so a long description cannot outweigh what the task is about. */
  keywordsCap: 5,
  lead: 2,
  support: 1,
};

/**
 * Below this much in common (organization aside) a task is not suggested: a focus audience or theme,
 * a campaign, a theme of a campaign the task runs, a few rare words. A theme the text names in
 * passing (数字中国 -> 数字素养) is not enough by itself. An event that shares nothing gets no suggestion rather
 * than a random one.
 */
export const SUGGESTION_THRESHOLD = 3;
/** Audiences too broad to point at a task by themselves: everyone lives somewhere. */
const BROAD_AUDIENCES = new Set(['社区居民', '职工']);

/** A word found in more than this share of a plan's tasks says nothing about any one of them. */
const COMMON_WORD_SHARE = 0.2;

/** Words (and catalogue themes: 科技, 科普) every plan and event uses; they never make a reason. */
const GENERIC_WORDS = new Set([
  '科普',
  '科学',
  '科技',
  '活动',
  '开展',
  '组织',
  '知识',
  '工作',
  '服务',
  '提升',
  '推动',
  '加强',
  '实施',
  '进行',
  '我们',
  '大家',
  '现场',
  '演示',
  '数据',
  '演示数据',
  '宣传',
  '教育',
  '培训',
  '行动',
  '建设',
  '体系',
  '能力',
  '素质',
  '科学素质',
  '专家',
  '公众',
  '社会',
  '全市',
  '我市',
  '一批',
  '各类',
  '相关',
  '部门',
  '单位',
  '合作',
  '面向',
  '参加',
  '参与',
  '开设',
  '邀请',
  '中心',
  '实践',
  '精神',
  '体验',
  '讲解',
  '分享',
]);

/** One-character words that join others (和, 的 …): a run of shared words neither starts nor ends with one. */
const JOINING_WORDS = new Set(['和', '与', '及', '的', '之', '等', '者', '在', '对', '为', '了', '是', '或', '并', '把', '被', '于', '以', '从', '向']);

/** Characters that never belong to a word: punctuation, spaces, digits alone. */
const SEPARATORS = /[\s\p{P}\p{S}]+/u;

interface TaskProfile {
  task: MatchableTask;
  focusAudiences: string[];
  focusThemes: string[];
  /** Themes of the campaigns the task names, from the catalogue. */
  campaignThemes: string[];
  /** Title and text, what keywords are looked up in. */
  body: string;
}

function profileTask(task: MatchableTask): TaskProfile {
  const heading = [task.title, ...task.sectionPath];
  return {
    task,
    focusAudiences: matchVocabulary(heading, AUDIENCE_KEYWORDS),
    focusThemes: matchVocabulary(heading, THEME_KEYWORDS),
    campaignThemes: task.campaigns.flatMap((c) => campaignByCode(c.code)?.themes ?? []),
    body: `${task.title}\n${task.text}`,
  };
}

interface EventReading {
  audiences: string[];
  themes: string[];
  /** Labels only the description suggests (用药 -> 健康): the organizer did not say them. */
  incidental: Set<string>;
  campaign: { code: string; name: string } | null;
  /** Title and description cut at punctuation (keywords never span two phrases), as words. */
  sentences: string[][];
}

function readEvent(event: EventProfile): EventReading {
  const texts = [event.title, event.description];
  const definition = event.campaign ? campaignByCode(event.campaign) : undefined;
  const said = new Set([
    ...event.audiences,
    ...event.themes,
    ...(definition?.themes ?? []),
    ...matchVocabulary([event.title], AUDIENCE_KEYWORDS),
    ...matchVocabulary([event.title], THEME_KEYWORDS),
  ]);
  const audiences = unique([...event.audiences, ...matchVocabulary(texts, AUDIENCE_KEYWORDS)]);
  const themes = unique([...event.themes, ...matchVocabulary(texts, THEME_KEYWORDS), ...(definition?.themes ?? [])]).filter(
    (theme) => !GENERIC_WORDS.has(theme),
  );
  return {
    audiences,
    themes,
    incidental: new Set([...audiences, ...themes].filter((label) => !said.has(label))),
    campaign: definition ? { code: definition.code, name: definition.name } : null,
    sentences: wordsOf(texts.flatMap((text) => text.split(SEPARATORS)).filter((phrase) => phrase.length >= 2)),
  };
}

/** Chinese has no spaces: ICU's dictionary (built into Node) cuts the event's text into words. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Each phrase of the event as its words, single characters included (银/龄 are one word together). */
function wordsOf(phrases: string[]): string[][] {
  return phrases.map((phrase) => [...segmenter.segment(phrase)].filter((part) => part.isWordLike).map((part) => part.segment));
}

/**
 * The event's words found in the task: at each word, the longest run of whole words that the task's
 * title or text also holds (电信/诈骗 -> 电信诈骗), two characters or more. Runs start and end at word
 * boundaries, so a fragment such as 学实 (科学/实验) is never taken for a word.
 */
function sharedWords(sentences: string[][], body: string): string[] {
  const found: string[] = [];
  for (const words of sentences) {
    for (let i = 0; i < words.length;) {
      let run = '';
      let j = i;
      while (j < words.length && body.includes(run + words[j]!)) run += words[j++]!;
      const trimmed = trimJoiningWords(words.slice(i, j)).join('');
      if (trimmed.length >= 2) found.push(trimmed);
      i = Math.max(j, i + 1);
    }
  }
  return unique(found);
}

function trimJoiningWords(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && JOINING_WORDS.has(words[start]!)) start++;
  while (end > start && JOINING_WORDS.has(words[end - 1]!)) end--;
  return words.slice(start, end);
}

interface Scored {
  profile: TaskProfile;
  content: number;
  /** What the event shares with the task besides its audiences. */
  subject: number;
  /** The task is about one of the event's audiences (its title or section names it), a broad one aside. */
  sharesFocusAudience: boolean;
  organization: number;
  reasonParts: string[];
}

function scoreTask(event: EventReading, profile: TaskProfile, organizerId: string | null, plan: PlanReading): Scored {
  const { task } = profile;
  let audienceScore = 0;
  let subject = 0;
  let sharesFocusAudience = false;
  let mentionedThemes = 0;
  const reasons: string[] = [];

  const sharedLabels: string[] = [];
  for (const audience of event.audiences) {
    if (!profile.focusAudiences.includes(audience) && !task.audiences.includes(audience)) continue;
    sharedLabels.push(audience);
    if (event.incidental.has(audience)) audienceScore += WEIGHTS.incidental;
    else if (profile.focusAudiences.includes(audience)) {
      audienceScore += WEIGHTS.focus;
      sharesFocusAudience ||= !BROAD_AUDIENCES.has(audience);
    } else audienceScore += WEIGHTS.audienceMention;
  }
  let runsCampaignOnTheme = false;
  for (const theme of event.themes) {
    const shared = profile.focusThemes.includes(theme) || task.themes.includes(theme);
    if (!shared) continue;
    sharedLabels.push(theme);
    // A theme only the description hints at (用药 -> 健康) counts once, whatever the task makes of it.
    if (event.incidental.has(theme)) subject += WEIGHTS.incidental;
    else if (profile.focusThemes.includes(theme)) subject += WEIGHTS.focus;
    // A task that lists many themes in passing is about none of them in particular.
    else subject += mentionedThemes++ === 0 ? WEIGHTS.themeMention : WEIGHTS.furtherThemeMention;
    runsCampaignOnTheme ||= !event.incidental.has(theme) && profile.campaignThemes.includes(theme);
  }
  if (runsCampaignOnTheme) subject += WEIGHTS.campaignTheme;
  if (sharedLabels.length > 0) reasons.push(`同为${sharedLabels.join('、')}`);

  if (event.campaign && task.campaigns.some((c) => c.code === event.campaign!.code)) {
    subject += WEIGHTS.campaign;
    reasons.push(`同属${event.campaign.name}`);
  }

  // A word already said as an audience or theme, or inside a longer shared word, is not said again.
  const candidates = sharedWords(event.sentences, profile.body).filter((word) => !sharedLabels.some((label) => label.includes(word)));
  const words = candidates
    .filter((word) => !candidates.some((other) => other !== word && other.includes(word)))
    .map((word) => ({ word, weight: plan.wordWeight(word) * (task.title.includes(word) ? WEIGHTS.titleWord : 1) }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || b.word.length - a.word.length || a.word.localeCompare(b.word, 'zh-CN'));
  const keywordScore = Math.min(
    WEIGHTS.keywordsCap,
    words.reduce((sum, { weight }) => sum + weight, 0),
  );
  subject += keywordScore;
  if (words.length > 0)
    reasons.push(
      `都提到${words
        .slice(0, 3)
        .map(({ word }) => `“${word}”`)
        .join('')}`,
    );

  let organization = 0;
  if (organizerId) {
    const at = task.responsibleUnits.findIndex((unit) => unit.organizationId === organizerId);
    const unit = task.responsibleUnits[at];
    if (unit) {
      // A bracket without roles lists the lead unit first (lead first).
      const leads = unit.role === 'lead' || (unit.role == null && at === 0 && !task.responsibleUnits.some((u) => u.role === 'lead'));
      organization = leads ? WEIGHTS.lead : WEIGHTS.support;
      reasons.push(leads ? '本单位牵头' : '本单位参与');
    }
  }
  return { profile, content: audienceScore + subject, subject, sharesFocusAudience, organization, reasonParts: reasons };
}

/** What the plan as a whole says about a word. */
interface PlanReading {
  /**
   * How much a shared word says: rare words in the plan say much (inverse document frequency), words
   * in a fifth or more of its tasks nothing; a longer word a little more than a two-character one.
   */
  wordWeight: (word: string) => number;
}

function readPlan(profiles: TaskProfile[]): PlanReading {
  const words = new Map<string, number>();
  const total = profiles.length;
  return {
    wordWeight: (word) => {
      let weight = words.get(word);
      if (weight === undefined) {
        const frequency = profiles.filter((p) => p.body.includes(word)).length;
        const tooCommon = GENERIC_WORDS.has(word) || frequency === 0 || frequency > Math.max(1, total * COMMON_WORD_SHARE);
        weight = tooCommon ? 0 : Math.log((total + 1) / frequency) * (Math.min(word.length, 4) / 4);
        words.set(word, weight);
      }
      return weight;
    },
  };
}

/**
 * The tasks of one plan the event may carry out, best first: only those sharing at least
 * SUGGESTION_THRESHOLD with it; ties go to the task sharing more subject, then to the earlier one.
 */
export function rankTasks(event: EventProfile, tasks: readonly MatchableTask[]): TaskMatch[] {
  const profiles = tasks.map(profileTask);
  const reading = readEvent(event);
  const plan = readPlan(profiles);
  return (
    profiles
      .map((profile, ordinal) => ({ ...scoreTask(reading, profile, event.organizerId ?? null, plan), ordinal }))
      .filter((scored) => (scored.subject > 0 || scored.sharesFocusAudience) && scored.content >= SUGGESTION_THRESHOLD)
      .map((scored) => ({ scored, score: round(scored.content + scored.organization) }))
      // On a tie, what the event is about beats whom it is for; then the plan's order.
      .sort((a, b) => b.score - a.score || b.scored.subject - a.scored.subject || a.scored.ordinal - b.scored.ordinal)
      .map(({ scored, score }) => ({
        number: scored.profile.task.number,
        ordinal: scored.profile.task.ordinal ?? scored.ordinal + 1,
        title: scored.profile.task.title,
        score,
        reason: scored.reasonParts.join('；'),
      }))
  );
}

/** A plan with its tasks, as the suggestions of several plans are merged. */
export interface PlanTasks {
  planId: string;
  year: number;
  tasks: readonly MatchableTask[];
}

export type PlanTaskMatch = TaskMatch & { planId: string };

/** The best `limit` tasks across plans: by score, then the newer plan, then the plan's order. */
export function suggestTasks(event: EventProfile, plans: readonly PlanTasks[], limit = 3): PlanTaskMatch[] {
  const ordered = [...plans].sort((a, b) => b.year - a.year || a.planId.localeCompare(b.planId));
  return ordered
    .flatMap((plan, planOrder) => rankTasks(event, plan.tasks).map((match, rank) => ({ match: { ...match, planId: plan.planId }, planOrder, rank })))
    .sort((a, b) => b.match.score - a.match.score || a.planOrder - b.planOrder || a.rank - b.rank)
    .slice(0, limit)
    .map(({ match }) => match);
}

/**
 * The task a demo activity is linked to: the best one, or none when the activity shares nothing
 * with the plan (never a task below the threshold).
 */
export function bestTaskNumber(event: EventProfile, tasks: readonly MatchableTask[]): number | null {
  return rankTasks(event, tasks)[0]?.number ?? null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
