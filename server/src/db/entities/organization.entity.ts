// Member units (市科协, 市教育局, schools, volunteer teams) that run events,
// and who acts for them. Permission checks live in organizations.access.ts.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('organizations')
@Index('uq_organizations_city_name', ['city', 'name'], { unique: true })
export class OrganizationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** As the plan writes it (市科协): unique within a city, not across cities. */
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  city: string;

  /** 'issuer' (the body issuing a plan), 'unit' (a responsible unit), 'collective' (各成员单位), 'custom' (added by an admin). */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** Trusted organizations publish without review. */
  @Column({ type: 'boolean', default: false })
  trusted: boolean;

  @Column({ type: 'datetime' })
  createdAt: Date;
}

@Entity('memberships')
@Index('uq_memberships_org_user', ['organizationId', 'userId'], { unique: true })
export class MembershipEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  organizationId: string;

  @Index('ix_memberships_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 16, default: 'organizer' })
  role: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
