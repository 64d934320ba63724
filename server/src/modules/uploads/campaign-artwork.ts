// Owns: the artwork a campaign event without a cover shows: one small picture per campaign
// theme, drawn from an SVG template (shapes, no text) with sharp on first request and kept in memory.
// Not: which events show it (the events module asks artworkOf).
import sharp from 'sharp';
import { campaignByCode } from '../../campaigns';
import { DISPLAY_WIDTH, THUMBNAIL_WIDTH } from './image-processing';

interface ArtworkStyle {
  background: string;
  accent: string;
  light: string;
  /** SVG shapes on a 750 x 420 canvas. */
  motif: string;
}

const wave = (y: number, color: string, opacity: number) =>
  `<path d="M0 ${y} C 150 ${y - 40}, 300 ${y + 40}, 450 ${y} S 650 ${y - 30}, 750 ${y} V 420 H 0 Z" fill="${color}" opacity="${opacity}"/>`;

const styles = {
  science: {
    background: '#1f6feb',
    accent: '#7cc4ff',
    light: '#ffffff',
    motif:
      '<circle cx="560" cy="190" r="46" fill="#ffffff" opacity=".9"/><ellipse cx="560" cy="190" rx="150" ry="48" fill="none" stroke="#ffffff" stroke-width="10" opacity=".7"/><ellipse cx="560" cy="190" rx="150" ry="48" fill="none" stroke="#ffffff" stroke-width="10" opacity=".7" transform="rotate(60 560 190)"/><ellipse cx="560" cy="190" rx="150" ry="48" fill="none" stroke="#ffffff" stroke-width="10" opacity=".7" transform="rotate(-60 560 190)"/>',
  },
  tech: {
    background: '#3b3f9f',
    accent: '#8f96ff',
    light: '#ffffff',
    motif:
      '<rect x="470" y="100" width="180" height="180" rx="24" fill="none" stroke="#ffffff" stroke-width="12" opacity=".85"/><rect x="520" y="150" width="80" height="80" rx="10" fill="#ffffff" opacity=".85"/><path d="M500 100v-40M560 100v-40M620 100v-40M500 340v-60M560 340v-60M620 340v-60" stroke="#ffffff" stroke-width="10" opacity=".6"/>',
  },
  safety: {
    background: '#d9480f',
    accent: '#ffa94d',
    light: '#fff4e6',
    motif:
      '<path d="M560 70 L660 110 V200 C660 270 610 320 560 340 C510 320 460 270 460 200 V110 Z" fill="#fff4e6" opacity=".92"/><path d="M515 205 l35 35 l65 -75" fill="none" stroke="#d9480f" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>',
  },
  nature: {
    background: '#2b8a3e',
    accent: '#8ce99a',
    light: '#ebfbee',
    motif:
      '<path d="M560 330 C 460 300 450 160 600 90 C 650 200 640 300 560 330 Z" fill="#ebfbee" opacity=".9"/><path d="M560 330 Q 575 220 600 120" stroke="#2b8a3e" stroke-width="8" fill="none"/>',
  },
  water: {
    background: '#0b7285',
    accent: '#66d9e8',
    light: '#e3fafc',
    motif: '<path d="M560 70 C 600 140 650 190 650 250 A 90 90 0 0 1 470 250 C 470 190 520 140 560 70 Z" fill="#e3fafc" opacity=".92"/>',
  },
  health: {
    background: '#c2255c',
    accent: '#faa2c1',
    light: '#fff0f6',
    motif:
      '<rect x="520" y="90" width="80" height="240" rx="16" fill="#fff0f6" opacity=".92"/><rect x="440" y="170" width="240" height="80" rx="16" fill="#fff0f6" opacity=".92"/>',
  },
  space: {
    background: '#1b1f3b',
    accent: '#5c7cfa',
    light: '#ffffff',
    motif:
      '<circle cx="600" cy="150" r="70" fill="#ffd43b" opacity=".95"/><ellipse cx="600" cy="150" rx="120" ry="26" fill="none" stroke="#ffffff" stroke-width="8" opacity=".8" transform="rotate(-18 600 150)"/><circle cx="470" cy="80" r="5" fill="#ffffff"/><circle cx="690" cy="290" r="4" fill="#ffffff"/><circle cx="420" cy="250" r="3" fill="#ffffff"/>',
  },
  culture: {
    background: '#5f3dc4',
    accent: '#b197fc',
    light: '#f3f0ff',
    motif:
      '<path d="M450 120 Q 505 95 560 120 V 320 Q 505 295 450 320 Z" fill="#f3f0ff" opacity=".92"/><path d="M560 120 Q 615 95 670 120 V 320 Q 615 295 560 320 Z" fill="#f3f0ff" opacity=".75"/>',
  },
} satisfies Record<string, ArtworkStyle>;

export type ArtworkName = keyof typeof styles;
export const artworkNames = Object.keys(styles) as ArtworkName[];

/** A campaign's first theme decides its picture. */
const styleOfTheme: Record<string, ArtworkName> = {
  科普: 'science',
  科技: 'tech',
  知识产权: 'tech',
  科学家精神: 'tech',
  应急: 'safety',
  防灾减灾: 'safety',
  安全生产: 'safety',
  消防: 'safety',
  国家安全: 'safety',
  生态环境: 'nature',
  自然资源: 'nature',
  三农: 'nature',
  水: 'water',
  海洋: 'water',
  气象: 'water',
  健康: 'health',
  社会: 'health',
  航天: 'space',
  文化: 'culture',
  阅读: 'culture',
  青少年: 'culture',
};

/** The artwork of a campaign (the science one for a campaign the catalogue does not know). */
export function artworkOf(campaignCode: string | null): ArtworkName {
  const themes = campaignCode ? (campaignByCode(campaignCode)?.themes ?? []) : [];
  for (const theme of themes) {
    const name = styleOfTheme[theme];
    if (name) return name;
  }
  return 'science';
}

function svgOf(style: ArtworkStyle): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="420" viewBox="0 0 750 420">
<rect width="750" height="420" fill="${style.background}"/>
<circle cx="90" cy="60" r="140" fill="${style.accent}" opacity=".35"/>
<circle cx="250" cy="380" r="90" fill="${style.light}" opacity=".12"/>
${wave(330, style.accent, 0.45)}${wave(370, style.light, 0.18)}
${style.motif}
</svg>`;
}

const drawn = new Map<string, Promise<Buffer>>();

/** The artwork as PNG at phone width or thumbnail width, drawn once per process. */
export function artworkImage(name: ArtworkName, thumbnail: boolean): Promise<Buffer> {
  const id = `${name}${thumbnail ? '-thumb' : ''}`;
  let image = drawn.get(id);
  if (!image) {
    image = sharp(Buffer.from(svgOf(styles[name])))
      .resize({ width: thumbnail ? THUMBNAIL_WIDTH : DISPLAY_WIDTH })
      .png({ palette: true, colors: 24, compressionLevel: 9 })
      .toBuffer();
    drawn.set(id, image);
    image.catch(() => drawn.delete(id));
  }
  return image;
}

/** `artwork-science.png` / `artwork-science-thumb.png` -> which picture, or null when the name is no artwork. */
export function parseArtworkKey(key: string): { name: ArtworkName; thumbnail: boolean } | null {
  const match = /^artwork-([a-z]+)(-thumb)?\.png$/.exec(key);
  if (!match || !(artworkNames as string[]).includes(match[1]!)) return null;
  return { name: match[1] as ArtworkName, thumbnail: Boolean(match[2]) };
}
