// Campaign dates an admin set for a year the catalogue does not know (科技活动周 2026, 食品安全宣传周 from 2024).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('campaign_years')
export class CampaignYearEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @Column({ type: 'varchar', length: 10 })
  endsOn: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
