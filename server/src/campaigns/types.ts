// The public shape of the campaign catalogue. The catalogue owns names,
// aliases, themes and date rules; it knows nothing about plans or events.

/** How a campaign's dates are found for a given year. */
export type DateRule =
  /** Same month-day every year; `endMonth/endDay` for multi-day spans (中国水周 03-22..28). */
  | { kind: 'fixed'; month: number; day: number; endMonth?: number; endDay?: number }
  /** nth weekday of a month (weekday 0 = Sunday; nth -1 = the last one). */
  | { kind: 'nthWeekday'; month: number; weekday: number; nth: number }
  /** The whole month. */
  | { kind: 'month'; month: number }
  /** A span inside another campaign: `offsetDays` after its start, `lengthDays` long. */
  | { kind: 'relative'; to: string; offsetDays: number; lengthDays: number }
  /** The day of the autumn equinox (中国农民丰收节). */
  | { kind: 'autumnEquinox' }
  /** Set by a notice each year: only the years in `known` have dates. */
  | { kind: 'announced'; known: Record<number, { startsOn: string; endsOn: string }>; typically: string };

/** One era of a campaign: which name and rule apply between two years. */
export interface CampaignEra {
  fromYear?: number;
  toYear?: number;
  name: string;
  rule: DateRule;
}

export interface CampaignDefinition {
  /** Stable English kebab-case code, e.g. `national-science-day`. */
  code: string;
  /** The current official Chinese name. */
  name: string;
  /** Other names seen in plans, without date prefixes or quotes. */
  aliases: string[];
  themes: string[];
  /** Ordered eras; most campaigns have one. */
  eras: CampaignEra[];
  /**
   * The date label plans write before the name (`5·12`, `4·22`). Display only:
   * a bare `5·12` is not matched, since it may just as well mean the earthquake.
   */
  dateMark?: string;
  /** A fact about the campaign beyond its dates (from /work/shared/campaigns.md), shown on its page. */
  note?: string;
}

/** A campaign computed for one year. Dates are null when not known for that year. */
export interface CampaignOccurrence {
  code: string;
  name: string;
  aliases: string[];
  themes: string[];
  year: number;
  startsOn: string | null;
  endsOn: string | null;
  /** When it falls, as a sentence: 每年11月（整月）, 每年5月30日（2017年起）, or the notice rule. */
  schedule: string;
  note: string | null;
}

/** A campaign named in a piece of text. */
export interface CampaignMention {
  code: string;
  /** The campaign's name (for the year when known). */
  name: string;
  /** The text exactly as the document wrote it (after normalisation). */
  matched: string;
  /** Offset of `matched` in the searched text, as passed in (before normalisation). */
  index: number;
  /**
   * Offset just past the mention in the searched text. Differs from
   * `index + matched.length` when normalisation dropped quotes or spaces inside it.
   */
  endIndex?: number;
}
