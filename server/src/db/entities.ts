import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { CampaignYearEntity } from '../modules/campaigns/campaign-year.entity';
import { EventEntity, EventPlanTaskEntity } from '../modules/events/event.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { MembershipEntity, OrganizationEntity } from '../modules/organizations/organization.entity';
import { PlanEntity, PlanTaskEntity } from '../modules/plans/plan.entity';
import { SignupEntity } from '../modules/signups/signup.entity';
import { UserEntity } from '../modules/users/user.entity';
import { ShiftApplicationEntity, ShiftEntity, VolunteerProfileEntity } from '../modules/volunteers/volunteer.entities';

export const entities = [
  UserEntity, OrganizationEntity, MembershipEntity, PlanEntity, PlanTaskEntity,
  EventEntity, EventPlanTaskEntity, SignupEntity, AuditEntryEntity, NotificationEntity,
  VolunteerProfileEntity, ShiftEntity, ShiftApplicationEntity, CampaignYearEntity,
];
