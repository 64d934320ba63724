// Imported work plans and their numbered tasks. The parsed section tree is
// kept as JSON: it is only ever read whole, never queried into.
import type { PlanSectionNode } from '@kepu/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('plans')
@Index('uq_plans_city_year', ['city', 'year'], { unique: true })
export class PlanEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  city: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  issuer: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  issuedOn: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  documentNumber: string | null;

  /** sha256 of the normalised text: re-importing the same text is a no-op. */
  @Column({ type: 'varchar', length: 64 })
  textHash: string;

  @Column({ type: 'simple-json' })
  sections: PlanSectionNode[];

  @Column({ type: 'int' })
  taskCount: number;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

export interface StoredUnit {
  name: string;
  organizationId: string | null;
}

@Entity('plan_tasks')
@Index('uq_plan_tasks_plan_number', ['planId', 'number'], { unique: true })
export class PlanTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  planId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'simple-json' })
  sectionPath: string[];

  @Column({ type: 'simple-json' })
  responsibleUnits: StoredUnit[];

  @Column({ type: 'simple-json' })
  audiences: string[];

  @Column({ type: 'simple-json' })
  themes: string[];

  @Column({ type: 'simple-json' })
  campaigns: { code: string; name: string }[];
}
