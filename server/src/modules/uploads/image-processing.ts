// Owns: turning an uploaded picture into the copies the app shows (phone width and thumbnail),
// upright and without metadata (EXIF, GPS). Not: where they are stored or who uploaded them.
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../core/errors';
import { sharpFormatOf, type ImageType } from './image-type';

/** Wide enough for a phone screen at 2x (375 pt). */
export const DISPLAY_WIDTH = 750;
/** A card's picture at 2-3x. */
export const THUMBNAIL_WIDTH = 240;
/** Decompression bombs: a few KB can claim 50,000 x 50,000 pixels. 40 megapixels covers any phone camera. */
export const MAX_INPUT_PIXELS = 40_000_000;

export interface ProcessedImage {
  width: number;
  height: number;
  display: Buffer;
  thumbnail: Buffer;
}

const corrupt = () => new AppError('IMAGE_CORRUPT', 400);

/**
 * Decodes the picture (refusing one that is not really of the sniffed type, is damaged or has too many
 * pixels), turns it upright by its EXIF orientation, and writes two JPEGs. sharp keeps no metadata
 * unless asked, so camera data and GPS positions are gone from both.
 */
export async function processImage(bytes: Buffer, type: ImageType): Promise<ProcessedImage> {
  const open = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true });
  let metadata: Metadata;
  try {
    // The header only (no pixels are decoded), read without the limit so an oversized picture is told apart from a damaged one.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  if (metadata.format !== sharpFormatOf[type]) throw corrupt();
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) {
    throw new AppError('PAYLOAD_TOO_LARGE', 413, { limitPixels: MAX_INPUT_PIXELS }, '图片像素过多（最多4000万像素），请缩小后再上传');
  }
  const variant = (width: number) =>
    open()
      .rotate()
      .resize({ width, height: width * 2, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  try {
    const [display, thumbnail] = await Promise.all([variant(DISPLAY_WIDTH), variant(THUMBNAIL_WIDTH)]);
    const upright = (metadata.orientation ?? 1) >= 5;
    return {
      width: upright ? metadata.height! : metadata.width!,
      height: upright ? metadata.width! : metadata.height!,
      display: display.data,
      thumbnail: thumbnail.data,
    };
  } catch {
    throw corrupt();
  }
}
