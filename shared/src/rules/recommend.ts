// Which events suit who is looking, and why: 老年人 get events for older
// people and 智慧助老-style health and digital-skills topics, 家长 and 学生
// events for young people. 其他 (or no answer) gets no preference.
import type { ViewerAudience } from '../states';

interface Tagged {
  audiences: string[];
  themes: string[];
}

const suits: Record<ViewerAudience, { audiences: string[]; themes: string[]; reason: string } | null> = {
  老年人: { audiences: ['老年人'], themes: ['健康', '数字素养', '智慧助老'], reason: '为老年人推荐' },
  家长: { audiences: ['青少年', '家庭', '亲子'], themes: [], reason: '适合带孩子参加' },
  学生: { audiences: ['青少年', '学生'], themes: [], reason: '为学生推荐' },
  其他: null,
};

/** Why the event suits this viewer (为老年人推荐 …), or null when it is not specially for them. */
export function recommendationReason(viewer: ViewerAudience | null | undefined, event: Tagged): string | null {
  const rule = viewer ? suits[viewer] : null;
  if (!rule) return null;
  const match = event.audiences.some((a) => rule.audiences.includes(a)) || event.themes.some((t) => rule.themes.includes(t));
  return match ? rule.reason : null;
}

/** The events that suit the viewer first (each with its reason), then the rest, each group in its given order. */
export function recommendFirst<T extends Tagged>(viewer: ViewerAudience | null | undefined, events: T[]): (T & { reason: string | null })[] {
  const withReason = events.map((event) => ({ ...event, reason: recommendationReason(viewer, event) }));
  return [...withReason.filter((e) => e.reason), ...withReason.filter((e) => !e.reason)];
}
