// The Ed25519 key pair of an event's check-in codes, made the first time a
// code or the kit is asked for. The private key is read only by the server
// that signs; the public key goes to the organizer's devices in the kit.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('checkin_keys')
export class CheckinKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  /** base64 of the raw 32-byte public key. */
  @Column({ type: 'varchar', length: 64 })
  publicKey: string;

  /** base64 of the PKCS#8 DER private key. */
  @Column({ type: 'varchar', length: 128 })
  privateKey: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
