import { Initial1764000000000 } from './1764000000000-Initial';
import { Volunteers1764200000000 } from './1764200000000-Volunteers';
import { DropEventParent1764300000000 } from './1764300000000-DropEventParent';
import { CancelledPublishedAt1764400000000 } from './1764400000000-CancelledPublishedAt';
import { PlanImportV111764500000000 } from './1764500000000-PlanImportV11';
import { EventListIndexes1764610000000 } from './1764610000000-EventListIndexes';
import { CheckinKeysAndAttendees1764700000000 } from './1764700000000-CheckinKeysAndAttendees';

/** Every migration, oldest first. Listed by hand so bundling and ts-jest need no globs. */
export const migrations = [
  Initial1764000000000,
  Volunteers1764200000000,
  DropEventParent1764300000000,
  CancelledPublishedAt1764400000000,
  PlanImportV111764500000000,
  EventListIndexes1764610000000,
  CheckinKeysAndAttendees1764700000000,
];
