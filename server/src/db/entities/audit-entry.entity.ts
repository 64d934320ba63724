// The append-only audit log: unmasks, exports, reviews, role changes, erasures.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('audit_entries')
@Index('ix_audit_entries_at', ['at'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 80 })
  target: string;

  @Column({ type: 'simple-json' })
  details: Record<string, unknown>;
}
