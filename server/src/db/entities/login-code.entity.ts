// One-time login codes an admin issues so an organizer can sign in on H5 without WeChat.
// Only a keyed hash of the code is stored; the code itself is shown once to the admin.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('login_codes')
@Index('ix_login_codes_user', ['userId'])
export class LoginCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** HMAC-SHA256 of the code under AUTH_SECRET, hex. */
  @Index('ux_login_codes_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  /** The admin who issued it; null when the operator did, from the command line. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  issuedBy: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  /** Set once, when the code is redeemed: a code signs in one browser, once. */
  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;
}
