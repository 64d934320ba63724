// What the upload endpoint returns: the stored image at phone width and as a thumbnail.
import { z } from 'zod';

/** `POST /uploads` (201): set `id` as an event's `coverImageId`; the URLs are paths on the API's host unless absolute. */
export const uploadViewSchema = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    thumbnailUrl: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'UploadView' });
export type UploadView = z.infer<typeof uploadViewSchema>;
