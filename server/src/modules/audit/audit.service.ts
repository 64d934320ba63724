// Writes and reads the audit log. Callers pass their transaction's manager so
// an audited action and its audit entry commit together.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditInput {
  actorId: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  await manager.getRepository(AuditEntryEntity).save(Object.assign(new AuditEntryEntity(), { id: randomUUID(), ...input }));
}
