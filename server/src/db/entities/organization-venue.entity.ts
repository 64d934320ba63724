// An organization's saved venues (常用场馆): filled into the event form in one
// tap, and saved on their own when an event names a venue not yet in the list.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('organization_venues')
@Index('uq_organization_venues_org_name_address', ['organizationId', 'name', 'address'], { unique: true })
export class OrganizationVenueEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** '' when the organizer gave none: the unique key takes (name, '') as one venue. */
  @Column({ type: 'varchar', length: 120, default: '' })
  address: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  district: string;

  /** GCJ-02, as events store them. */
  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** Saved again or used by an event: the list shows the most recently used first. */
  @Column({ type: 'datetime' })
  updatedAt: Date;
}
