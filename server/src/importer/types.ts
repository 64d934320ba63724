// What the plan importer extracts from a work-plan document: pure data that
// apply.ts stores. The outline's node type is shared, since the app shows it.
import type { PlanSectionNode } from '@kepu/shared';

export interface ParsedTask {
  /** The task's number in the document (`16.` -> 16). */
  number: number;
  /** The lead sentence, e.g. 实施高素质农民培育计划. */
  title: string;
  /** The whole task text, normalised, without the responsible-unit bracket. */
  text: string;
  /** Headings that enclose the task, outermost first, each `ordinal + title` (`二、提升…`, `（一）实施…`). */
  sectionPath: string[];
  /** Units from the closing bracket, in document order; collectives such as 各成员单位 kept as written. */
  responsibleUnits: string[];
  audiences: string[];
  themes: string[];
  campaigns: { code: string; name: string }[];
}

export interface ParsedPlan {
  title: string;
  city: string;
  year: number;
  /** The issuing body, e.g. 唐山市全民科学素质工作领导小组; null when the text does not say. */
  issuer: string | null;
  issuedOn: string | null;
  documentNumber: string | null;
  sections: PlanSectionNode[];
  tasks: ParsedTask[];
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
  /** The first responsible unit of the first task naming the campaign, else the plan's issuer. */
  organizerName: string;
  audiences: string[];
  themes: string[];
}
