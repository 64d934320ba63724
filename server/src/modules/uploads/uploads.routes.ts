// HTTP routes of pictures: an organizer's upload, and the stored copies and campaign artwork, served
// with a year of immutable caching (a key never gets other bytes).
import { uploadViewSchema } from '@kepu/shared';
import type { AppDeps } from '../../deps';
import type { BlobStorage } from '../../core/blob-storage';
import { BLOB_KEY } from '../../core/blob-storage';
import { notFound } from '../../core/errors';
import { reply, requireUser, route } from '../../core/route';
import { artworkImage, parseArtworkKey } from './campaign-artwork';
import { localDiskStorage } from './local-disk-storage';
import { readUploadedFile } from './multipart';
import { MAX_UPLOAD_BYTES, uploadImage } from './uploads.service';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Artwork may be redrawn by a new release under the same name. */
const ARTWORK_CACHE = 'public, max-age=86400';

export function uploadRoutes(deps: AppDeps) {
  let fallback: BlobStorage | null = null;
  // createApp hands one in; a caller that only lists the routes (OpenAPI, tests) never touches it.
  const storage = (): BlobStorage => deps.blobStorage ?? (fallback ??= localDiskStorage(deps.config.uploadDir));
  return [
    route({
      method: 'post',
      path: '/uploads',
      access: ['organizer', 'admin'],
      tag: 'uploads',
      summary: '上传活动封面图片（multipart 字段 file；JPG、PNG 或 WebP，不超过 5 MB）',
      response: uploadViewSchema,
      statuses: [201],
      handle: async ({ ctx, user }) => {
        const file = await readUploadedFile(ctx.req, 'file', MAX_UPLOAD_BYTES);
        return reply(201, await uploadImage(deps.dataSource.manager, storage(), requireUser(user), file.bytes, deps.clock()));
      },
    }),
    route({
      method: 'get',
      path: '/images/:key',
      access: 'public',
      tag: 'uploads',
      summary: '活动封面与主题活动配图（长期缓存）',
      files: ['image/jpeg', 'image/png'],
      handle: async ({ ctx, params }) => {
        const key = params.key!;
        const artwork = parseArtworkKey(key);
        if (artwork) {
          ctx.set('Cache-Control', ARTWORK_CACHE);
          ctx.type = 'image/png';
          ctx.body = await artworkImage(artwork.name, artwork.thumbnail);
          return undefined;
        }
        if (!BLOB_KEY.test(key) || key.includes('..') || !key.endsWith('.jpg')) throw notFound('image');
        const elsewhere = storage().url(key);
        if (elsewhere) {
          ctx.set('Cache-Control', IMMUTABLE);
          ctx.status = 301;
          ctx.redirect(elsewhere);
          return undefined;
        }
        const bytes = await storage().get(key);
        if (!bytes) throw notFound('image');
        ctx.set('Cache-Control', IMMUTABLE);
        ctx.type = 'image/jpeg';
        ctx.body = bytes;
        return undefined;
      },
    }),
  ];
}
