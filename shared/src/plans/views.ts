// What the plan endpoints return: the same shapes for the server that builds
// them and the mini-program that shows them.
import type { PlanSectionNode } from './types';

export interface PlanSummaryView {
  id: string;
  city: string;
  year: number;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  taskCount: number;
}

export interface PlanTaskView {
  number: number;
  title: string;
  text: string;
  sectionPath: string[];
  responsibleUnits: { name: string; organizationId: string | null }[];
  audiences: string[];
  themes: string[];
  campaigns: { code: string; name: string }[];
}

export interface PlanView extends PlanSummaryView {
  documentNumber: string | null;
  sections: PlanSectionNode[];
  tasks: PlanTaskView[];
}

/** How far a task or a unit has got: events linked, sign-ups, check-ins, volunteer hours. */
export interface ProgressTally {
  events: number;
  published: number;
  signups: number;
  checkins: number;
  volunteerHours: number;
}

export interface TaskProgressView extends ProgressTally {
  number: number;
  title: string;
  /** Nothing published against the task yet. */
  idle: boolean;
}

export interface UnitProgressView extends ProgressTally {
  name: string;
  organizationId: string | null;
  tasks: number[];
}

export interface PlanProgressView {
  tasks: TaskProgressView[];
  units: UnitProgressView[];
  idleTasks: number[];
}

/** `GET /campaigns?year=` items: a national campaign's name and dates in one year. */
export interface CampaignView {
  code: string;
  name: string;
  aliases: string[];
  themes: string[];
  year: number;
  /** Null when the catalogue does not know that year's dates. */
  startsOn: string | null;
  endsOn: string | null;
}
