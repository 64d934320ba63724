// Ed25519 keys of check-in codes, one pair per event: made on first use and
// kept in `checkin_keys`; the private key is only ever read here, to sign.
// Does not decide who may get a code or be let in (signups.service does).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { parseCheckinCode, type CheckinPayload } from '@kepu/shared';
import { CheckinKeyEntity } from '../../db/entities/checkin-key.entity';

// The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The event's key pair, made now if it has none. Call with the event row locked, so two requests make one pair. */
export async function checkinKeyOf(manager: EntityManager, eventId: string, now: Date): Promise<CheckinKeyEntity> {
  const keys = manager.getRepository(CheckinKeyEntity);
  const existing = await keys.findOneBy({ eventId });
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.length);
  const row = keys.create({
    eventId,
    publicKey: raw.toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: now,
  });
  await keys.insert(row);
  return row;
}

/** The event's key pair if it has one: verifying never makes keys. */
export function findCheckinKey(manager: EntityManager, eventId: string): Promise<CheckinKeyEntity | null> {
  return manager.getRepository(CheckinKeyEntity).findOneBy({ eventId });
}

function publicKeyObject(base64Raw: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(base64Raw, 'base64')]), format: 'der', type: 'spki' });
}

/** base64url(payload) + '.' + base64url(Ed25519 signature over the payload's bytes). */
export function signCheckinCode(payload: CheckinPayload, key: CheckinKeyEntity): string {
  const bytes = Buffer.from(JSON.stringify(payload));
  const privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return `${bytes.toString('base64url')}.${sign(null, bytes, privateKey).toString('base64url')}`;
}

/** The payload of an Ed25519 code signed with this key, or null (not such a code, or a forged signature). */
export function verifyCheckinCode(code: string, key: CheckinKeyEntity): CheckinPayload | null {
  const parsed = parseCheckinCode(code);
  if (!parsed) return null;
  return verify(null, parsed.payloadBytes, publicKeyObject(key.publicKey), parsed.signature) ? parsed.payload : null;
}
