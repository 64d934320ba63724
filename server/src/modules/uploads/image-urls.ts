// Owns: where clients fetch stored images and campaign artwork. Derived from ids alone, so an
// event list gets its covers without a join; /images/:key answers from (or points to) the storage.

const IMAGES_PATH = '/api/v1/images';

export const displayKeyOf = (uploadId: string) => `${uploadId}.jpg`;
export const thumbnailKeyOf = (uploadId: string) => `${uploadId}-thumb.jpg`;

export const imageUrl = (key: string) => `${IMAGES_PATH}/${key}`;

export interface CoverUrls {
  coverUrl: string | null;
  coverThumbnailUrl: string | null;
}

/** An uploaded cover's URLs, or the campaign's artwork for a campaign event without one. */
export function coverUrlsOf(coverImageId: string | null, campaignArtwork: string | null): CoverUrls {
  if (coverImageId) return { coverUrl: imageUrl(displayKeyOf(coverImageId)), coverThumbnailUrl: imageUrl(thumbnailKeyOf(coverImageId)) };
  if (campaignArtwork) return { coverUrl: imageUrl(`artwork-${campaignArtwork}.png`), coverThumbnailUrl: imageUrl(`artwork-${campaignArtwork}-thumb.png`) };
  return { coverUrl: null, coverThumbnailUrl: null };
}
