// Pictures the e2e stories pick in the event form, and the picking itself.
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { tapButton } from './browser';

/** A picture like a phone photo of a science show: a few coloured shapes. */
export function coverPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="#0b3d91"/><circle cx="850" cy="300" r="180" fill="#ffd43b"/>
    <rect x="150" y="450" width="500" height="200" rx="30" fill="#69db7c"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Taro's H5 chooseImage opens the browser's file picker from an <input type="file"> it creates. */
export async function chooseFile(page: Page, buttonLabel: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await tapButton(page, buttonLabel);
  await (await chooser).setFiles(file);
}
