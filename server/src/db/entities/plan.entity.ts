// Imported work plans and their numbered tasks. The parsed section tree, the
// warnings and the admin's corrections are kept as JSON: only ever read whole.
// Long texts (a task, the source) are MEDIUMTEXT on MariaDB (see the v1.1 migration).
import type { PlanSectionNode } from '@kepu/shared';
import type { PlanLevel, PlanWarning } from '../../importer/types';
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

  /** The full administrative name as read (or corrected): 全国, 浙江省, 上海市浦东新区. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  level: PlanLevel | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  kind: string | null;

  @Column({ type: 'int', nullable: true })
  periodFrom: number | null;

  @Column({ type: 'int', nullable: true })
  periodTo: number | null;

  @Column({ type: 'varchar', length: 16, default: 'simplified' })
  script: 'simplified' | 'traditional';

  @Column({ type: 'boolean', default: false })
  needsReview: boolean;

  @Column({ type: 'simple-json', nullable: true })
  warnings: PlanWarning[] | null;

  /** The admin's corrections, a patch re-applied over every later parse of the document. */
  @Column({ type: 'simple-json', nullable: true })
  corrections: PlanCorrections | null;

  /** The text last imported, so a correction or new campaign dates re-run the import; null for plans stored before v1.1. */
  @Column({ type: 'text', nullable: true })
  sourceText: string | null;

  /** Where and when the text itself (or the import's city/year) filed the plan, before corrections: finds it again on re-import. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  originCity: string | null;

  @Column({ type: 'int', nullable: true })
  originYear: number | null;

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

/**
 * An admin's correction of one task. Stored ones name the task by its position in the outline as
 * it was when the correction was made (the parse with the corrections before it applied), with an
 * anchor to find it again in a later parse; a request names it by position or written number in
 * the outline the admin sees.
 */
export interface TaskCorrection {
  number?: number;
  ordinal?: number;
  /** A hash of the task's text (and the next task's, for a merge) when the correction was made; absent on corrections stored before it existed. */
  anchor?: string;
  /** The task's written number and title then, to name it in a warning. */
  task?: { number: number; title: string };
  units?: { name: string; role: 'lead' | 'support' | null }[];
  /** The parse ran two tasks together: a new task (numbered as given) starts at `before` in this task's text. */
  split?: { before: string; number: number };
  /** The parse cut one task in two: this task and the next are one. */
  mergeWithNext?: true;
}

export interface PlanCorrections {
  place?: string;
  city?: string;
  year?: number;
  tasks?: TaskCorrection[];
}

export interface StoredUnit {
  name: string;
  organizationId: string | null;
  /** Absent on tasks stored before v1.1. */
  role?: 'lead' | 'support' | null;
  inherited?: boolean;
}

@Entity('plan_tasks')
@Index('uq_plan_tasks_plan_ordinal', ['planId', 'ordinal'], { unique: true })
@Index('ix_plan_tasks_plan_number', ['planId', 'number'])
export class PlanTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  planId: string;

  /** Position in the plan, 1-based: the key, since numbering may restart per section. */
  @Column({ type: 'int', default: 0 })
  ordinal: number;

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
