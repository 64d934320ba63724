import { AuditEntryEntity } from './audit-entry.entity';
import { CampaignYearEntity } from './campaign-year.entity';
import { CheckinKeyEntity } from './checkin-key.entity';
import { LoginCodeEntity } from './login-code.entity';
import { EventEntity, EventPlanTaskEntity, EventRevisionEntity } from './event.entity';
import { NotificationEntity, NotificationSubscriptionEntity } from './notification.entity';
import { MembershipEntity, OrganizationEntity } from './organization.entity';
import { OrganizationVenueEntity } from './organization-venue.entity';
import { PlanEntity, PlanTaskEntity } from './plan.entity';
import { SignupEntity } from './signup.entity';
import { UploadEntity } from './upload.entity';
import { UserEntity } from './user.entity';
import { ShiftApplicationEntity, ShiftEntity, VolunteerCertificateEntity, VolunteerProfileEntity } from './volunteer.entities';

export const entities = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  PlanEntity,
  PlanTaskEntity,
  EventEntity,
  EventPlanTaskEntity,
  EventRevisionEntity,
  SignupEntity,
  AuditEntryEntity,
  NotificationEntity,
  NotificationSubscriptionEntity,
  VolunteerProfileEntity,
  ShiftEntity,
  ShiftApplicationEntity,
  CampaignYearEntity,
  CheckinKeyEntity,
  LoginCodeEntity,
  VolunteerCertificateEntity,
  OrganizationVenueEntity,
  UploadEntity,
];
