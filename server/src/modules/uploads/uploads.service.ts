// Owns: storing an organizer's picture (sniff -> decode and resize -> store -> record) and
// deciding whether an event may use an upload. Not: reading the request (multipart.ts) or serving the files.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { UploadView } from '@kepu/shared';
import type { AuthUser } from '../../core/actor';
import type { BlobStorage } from '../../core/blob-storage';
import { AppError } from '../../core/errors';
import { MembershipEntity } from '../../db/entities/organization.entity';
import { UploadEntity } from '../../db/entities/upload.entity';
import { processImage } from './image-processing';
import { sniffImageType } from './image-type';
import { displayKeyOf, imageUrl, thumbnailKeyOf } from './image-urls';

/** The contract's limit for one picture. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Stores a cover picture: only JPEG, PNG or WebP by its bytes, decoded, upright, without metadata. */
export async function uploadImage(manager: EntityManager, storage: BlobStorage, user: AuthUser, bytes: Buffer, now: Date): Promise<UploadView> {
  const type = sniffImageType(bytes);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, { accepted: ['image/jpeg', 'image/png', 'image/webp'] });
  const image = await processImage(bytes, type);
  const id = randomUUID();
  const upload = Object.assign(new UploadEntity(), {
    id,
    ownerUserId: user.id,
    organizationId: user.organizationIds.length === 1 ? user.organizationIds[0]! : null,
    mime: type,
    width: image.width,
    height: image.height,
    originalBytes: bytes.length,
    displayBytes: image.display.length,
    thumbnailBytes: image.thumbnail.length,
    displayKey: displayKeyOf(id),
    thumbnailKey: thumbnailKeyOf(id),
    createdAt: now,
  });
  // Files first: a row never points at a file that is not there.
  await storage.put(upload.displayKey, image.display, 'image/jpeg');
  await storage.put(upload.thumbnailKey, image.thumbnail, 'image/jpeg');
  await manager.getRepository(UploadEntity).insert(upload);
  return { id, url: imageUrl(upload.displayKey), thumbnailUrl: imageUrl(upload.thumbnailKey), width: image.width, height: image.height };
}

/**
 * An event of `organizationId` may show an upload made by a member of that organization (a
 * colleague's picture is fine), or by the admin who is editing it; nothing else, so nobody
 * can put another organization's pictures on their events by guessing ids.
 */
export async function assertCoverUsable(manager: EntityManager, user: AuthUser, coverImageId: string, organizationId: string): Promise<void> {
  const upload = await manager.getRepository(UploadEntity).findOne({ where: { id: coverImageId }, select: { id: true, ownerUserId: true } });
  const usable =
    upload !== null &&
    ((upload.ownerUserId === user.id && user.roles.includes('admin')) ||
      (await manager.getRepository(MembershipEntity).existsBy({ organizationId, userId: upload.ownerUserId })));
  if (!usable) throw new AppError('COVER_NOT_USABLE', 400, { fields: [{ path: 'coverImageId', message: '封面图片不存在，或不是本主办单位的成员上传的' }] });
}
