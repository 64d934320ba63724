import { Initial1764000000000 } from './1764000000000-Initial';
import { Volunteers1764200000000 } from './1764200000000-Volunteers';
import { DropEventParent1764300000000 } from './1764300000000-DropEventParent';
import { CancelledPublishedAt1764400000000 } from './1764400000000-CancelledPublishedAt';
import { PlanImportV111764500000000 } from './1764500000000-PlanImportV11';
import { NotificationDelivery1764600000000 } from './1764600000000-NotificationDelivery';
import { EventListIndexes1764610000000 } from './1764610000000-EventListIndexes';
import { EventRevisions1764620000000 } from './1764620000000-EventRevisions';
import { ProgressIndexes1764650000000 } from './1764650000000-ProgressIndexes';
import { CheckinKeysAndAttendees1764700000000 } from './1764700000000-CheckinKeysAndAttendees';
import { LongTexts1764900000000 } from './1764900000000-LongTexts';
import { ProgressCounters1765000000000 } from './1765000000000-ProgressCounters';
import { TicketShareTokens1765300000000 } from './1765300000000-TicketShareTokens';
import { ProgressBreakdowns1765400000000 } from './1765400000000-ProgressBreakdowns';
import { LoginCodes1765600000000 } from './1765600000000-LoginCodes';
import { ViewerAudience1765800000000 } from './1765800000000-ViewerAudience';
import { VolunteerCertificates1766000000000 } from './1766000000000-VolunteerCertificates';
import { ProgressLinkWindow1766100000000 } from './1766100000000-ProgressLinkWindow';
import { LongestEventBigint1766200000000 } from './1766200000000-LongestEventBigint';
import { EventSearchGrams1766400000000 } from './1766400000000-EventSearchGrams';
import { Uploads1766500000000 } from './1766500000000-Uploads';
import { OrganizationVenues1766600000000 } from './1766600000000-OrganizationVenues';
import { TaskLinkOrdinal1766700000000 } from './1766700000000-TaskLinkOrdinal';

/** Every migration, oldest first. Listed by hand so bundling and ts-jest need no globs. */
export const migrations = [
  Initial1764000000000,
  Volunteers1764200000000,
  DropEventParent1764300000000,
  CancelledPublishedAt1764400000000,
  PlanImportV111764500000000,
  NotificationDelivery1764600000000,
  EventListIndexes1764610000000,
  EventRevisions1764620000000,
  ProgressIndexes1764650000000,
  CheckinKeysAndAttendees1764700000000,
  LongTexts1764900000000,
  ProgressCounters1765000000000,
  TicketShareTokens1765300000000,
  ProgressBreakdowns1765400000000,
  LoginCodes1765600000000,
  ViewerAudience1765800000000,
  VolunteerCertificates1766000000000,
  ProgressLinkWindow1766100000000,
  LongestEventBigint1766200000000,
  EventSearchGrams1766400000000,
  Uploads1766500000000,
  OrganizationVenues1766600000000,
  TaskLinkOrdinal1766700000000,
];
