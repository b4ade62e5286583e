import { PNG } from 'pngjs';

/** The app's accent colour (#1B6E7A); manifest.json's accentColor matches it. */
export const BRAND_COLOUR: [number, number, number] = [0x1b, 0x6e, 0x7a];

/** Sizes Teams requires, in pixels (square). */
export const TEAMS_ICON_SIZES = { color: 192, outline: 32 } as const;

/**
 * Everything wrong with the two icons, or nothing. Teams rejects an upload whose icons are the wrong
 * size, and shows an outline icon that is not white on transparent as a smudge in the app bar.
 */
export function checkTeamsIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const colorPng = decode('color', color, problems);
  const outlinePng = decode('outline', outline, problems);
  if (colorPng) problems.push(...sizeProblems('color', colorPng, TEAMS_ICON_SIZES.color));
  if (outlinePng) {
    problems.push(...sizeProblems('outline', outlinePng, TEAMS_ICON_SIZES.outline));
    const stray = countNonWhiteVisiblePixels(outlinePng);
    if (stray > 0) problems.push(`outline icon: ${stray} pixels are neither white nor fully transparent`);
  }
  return problems;
}

function decode(name: string, bytes: Buffer, problems: string[]): PNG | undefined {
  try {
    return PNG.sync.read(bytes);
  } catch (error) {
    problems.push(`${name} icon: not a readable PNG (${(error as Error).message})`);
    return undefined;
  }
}

function sizeProblems(name: string, png: PNG, size: number): string[] {
  return png.width === size && png.height === size
    ? []
    : [`${name} icon: must be ${size}×${size} pixels, found ${png.width}×${png.height}`];
}

function countNonWhiteVisiblePixels(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = png.data.subarray(i, i + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) count++;
  }
  return count;
}
