// What the plan importer extracts from a work-plan document (the v1.1 parse): pure data that
// apply.ts stores. The outline's node type is shared, since the app shows it.
import type { PlanSectionNode } from '@kepu/shared';

/** national: 全国; province: 省, 自治区, 直辖市; city: 地级市, 州, 盟; county: 区, 县, 县级市, 旗. */
export type PlanLevel = 'national' | 'province' | 'city' | 'county';

/** Something the admin should check, next to the line it is about. */
export interface PlanWarning {
  code: string;
  /** Chinese, for the admin. */
  message: string;
  /** 1-based line of the normalised text. */
  line?: number;
}

export interface ParsedUnit {
  /** As written (simplified script); a list with a dropped shared prefix is expanded (统战部 -> 市委统战部). */
  name: string;
  role: 'lead' | 'support' | null;
  /** True when the unit comes from the section heading or a labelled line above the task. */
  inherited: boolean;
}

export interface ParsedTask {
  /** As written when numbering restarts per section; else the written (increasing) or sequential number. */
  number: number;
  /** The lead sentence, e.g. 实施高素质农民培育计划. */
  title: string;
  /** The whole task text, normalised, without the responsible-unit bracket. */
  text: string;
  /** Headings that enclose the task, outermost first, each `ordinal + title` (`二、提升…`, `（一）实施…`). */
  sectionPath: string[];
  /** In document order; collectives such as 各成员单位 kept as written. */
  responsibleUnits: ParsedUnit[];
  audiences: string[];
  themes: string[];
  campaigns: { code: string; name: string }[];
}

export interface ParsedPlan {
  /** Joined across lines; from 关于印发《…》的通知; or built from the preamble (with a warning). */
  title: string;
  /** The full administrative chain: 全国, 浙江省, 恩施土家族苗族自治州, 上海市浦东新区, 安吉县. */
  place: string | null;
  /** Where events are filed: the place below national level, 全国 for national plans; null when unreadable. */
  city: string | null;
  level: PlanLevel | null;
  /** The document kind as written: 工作要点, 科普工作要点, 实施方案 … */
  kind: string | null;
  period: { from: number; to: number } | null;
  /** Title, then signature date, then document number, then preamble; a multi-year plan's is its issue year. */
  year: number | null;
  script: 'simplified' | 'traditional';
  /** The issuing body, e.g. 唐山市全民科学素质工作领导小组; null when the text does not say. */
  issuer: string | null;
  /** The signature date, `YYYY-MM-DD`; never a web posting date. */
  issuedOn: string | null;
  /** The plan's own number, not one its preamble cites. */
  documentNumber: string | null;
  sections: PlanSectionNode[];
  tasks: ParsedTask[];
  needsReview: boolean;
  warnings: PlanWarning[];
}

/** A campaign event the plan implies for its city and year. */
export interface DerivedEvent {
  campaignCode: string;
  campaignName: string;
  title: string;
  description: string;
  city: string;
  year: number;
  /** Null when the catalogue does not know that year's dates: such an event is reported, not published. */
  startsOn: string | null;
  endsOn: string | null;
  taskNumbers: number[];
  /** The first lead (else first real) unit of the first task naming the campaign, else the plan's issuer. */
  organizerName: string;
  audiences: string[];
  themes: string[];
}

/** A plan with the place and year that saving it needs (from the text or the admin's overrides). */
export type FiledPlan = ParsedPlan & { city: string; year: number };
