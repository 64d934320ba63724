// Shapes from API.md that @kepu/shared does not export (yet). Mirror the
// contract exactly; when shared grows the same type, import it from there.
import type { CampaignView, PlanProgressView, PlanSectionNode, PlanSummaryView, PlanTaskView, PlanView, TaskProgressView, UnitProgressView } from '@kepu/shared';

/** `GET /campaigns?year=` items. */
export type Campaign = CampaignView;

// Plan views come from the contract's shared types.
export type PlanSummary = PlanSummaryView;
export type PlanSection = PlanSectionNode;
export type PlanTask = PlanTaskView;
export type PlanDetail = PlanView;
export type TaskProgress = TaskProgressView;
export type UnitProgress = UnitProgressView;
export type PlanProgress = PlanProgressView;

/** `GET /me/signups` items. */
export interface MySignup {
  id: string;
  eventId: string;
  event: { id: string; title: string; startsAt: string; endsAt?: string; venue: { name: string; address?: string } };
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition?: number;
  partySize?: number;
  checkedInAt?: string | null;
}

export interface CheckinCode {
  code: string;
  expiresAt: string;
}

/** `GET /events/:id/signups?format=json` rows (phones masked unless unmasked). */
export interface EventSignupRow {
  id: string;
  name: string;
  phone: string;
  status: string;
  partySize?: number;
  waitlistPosition?: number;
  checkedInAt?: string | null;
  createdAt?: string;
}
