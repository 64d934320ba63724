// Which campaign a demo activity belongs to: one running on its day. A
// template says which campaign it suits, but its day moves with today, so the
// tag follows the day (a December talk is not part of 全国科技工作者日, 30 May).

export interface RunningSpan {
  code: string;
  themes: readonly string[];
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * The template's own campaign if it runs on `day` (YYYY-MM-DD, in China), else
 * the first campaign running that day that shares a theme with the activity,
 * else none. `campaigns`: those the city's plan names, with that year's dates.
 */
export function demoCampaignOn(day: string, activity: { campaign?: string; themes: readonly string[] }, campaigns: readonly RunningSpan[]): string | null {
  const running = campaigns.filter((c) => c.startsOn !== null && c.endsOn !== null && c.startsOn <= day && day <= c.endsOn);
  if (activity.campaign && running.some((c) => c.code === activity.campaign)) return activity.campaign;
  return running.find((c) => c.themes.some((theme) => activity.themes.includes(theme)))?.code ?? null;
}
