// What `GET /audit` returns: who unmasked, exported, reviewed, changed or erased what.
import { z } from 'zod';
import { isoTimeView } from './common';

export const auditEntryViewSchema = z
  .strictObject({
    id: z.string(),
    at: isoTimeView,
    /** Null for entries written by the system itself. */
    actor: z.strictObject({ id: z.string(), nickname: z.string() }).nullable(),
    action: z.string(),
    target: z.string(),
    /** What the target is called now (the event's title, the user's nickname, the organization's name); null when it is gone. */
    targetLabel: z.string().nullable(),
    /** The nickname of the person the entry concerns besides the target (the member added, the volunteer decided on). */
    subjectLabel: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;
