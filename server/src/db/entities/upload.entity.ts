// Images organizers upload (event covers): who uploaded them for which organization, and
// where the processed copies are kept in the blob storage. The original bytes are not kept.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('uploads')
@Index('ix_uploads_owner', ['ownerUserId'])
export class UploadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  ownerUserId: string;

  /** The uploader's organization when they belong to exactly one; null for admins and members of several. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  /** The type sniffed from the uploaded bytes (image/jpeg, image/png, image/webp). */
  @Column({ type: 'varchar', length: 32 })
  mime: string;

  /** Of the uploaded picture, after turning it upright. */
  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'int' })
  originalBytes: number;

  @Column({ type: 'int' })
  displayBytes: number;

  @Column({ type: 'int' })
  thumbnailBytes: number;

  /** Keys in the blob storage of the phone-width copy and of the thumbnail. */
  @Column({ type: 'varchar', length: 120 })
  displayKey: string;

  @Column({ type: 'varchar', length: 120 })
  thumbnailKey: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
