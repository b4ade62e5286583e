// Draws the Teams app icons once; the PNGs are committed, so run this only to change the design:
//   npx tsx scripts/make-teams-icons.ts
// The design: two overlapping school buildings (two schools supporting each other), each a pitched
// roof over a body with a door. color.png is white on the brand colour, outline.png white on transparent.
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BRAND_COLOUR, TEAMS_ICON_SIZES } from '../manifest/teams-icons.js';

type Point = [number, number];
type Rgba = [number, number, number, number];
/** A filled shape in unit coordinates (0..1 across the icon) and what it paints; later layers win. */
interface Layer { polygon: Point[]; paint: 'ink' | 'background' }

const SUBSAMPLES = 4; // 4×4 samples a pixel: smooth edges without a drawing library

/** A school building: a body with eaves and a pitched roof, standing on baseY. */
function building(centreX: number, baseY: number, width: number, height: number): Point[] {
  const eaves = baseY - height * 0.58;
  const overhang = width * 0.12;
  const half = width / 2;
  return [
    [centreX - half, baseY], [centreX + half, baseY], [centreX + half, eaves], [centreX + half + overhang, eaves],
    [centreX, baseY - height], [centreX - half - overhang, eaves], [centreX - half, eaves],
  ];
}

function rectangle(left: number, top: number, right: number, bottom: number): Point[] {
  return [[left, top], [right, top], [right, bottom], [left, bottom]];
}

/** The same polygon grown about its centre, used as the gap that makes the front building stand out. */
function grown(polygon: Point[], factor: number): Point[] {
  const cx = polygon.reduce((sum, [x]) => sum + x, 0) / polygon.length;
  const cy = polygon.reduce((sum, [, y]) => sum + y, 0) / polygon.length;
  return polygon.map(([x, y]) => [cx + (x - cx) * factor, cy + (y - cy) * factor]);
}

function design(): Layer[] {
  const back = building(0.35, 0.72, 0.34, 0.46);
  const front = building(0.64, 0.78, 0.34, 0.46);
  return [
    { polygon: back, paint: 'ink' },
    { polygon: rectangle(0.245, 0.59, 0.325, 0.72), paint: 'background' },
    { polygon: grown(front, 1.2), paint: 'background' },
    { polygon: front, paint: 'ink' },
    { polygon: rectangle(0.6, 0.65, 0.68, 0.78), paint: 'background' },
  ];
}

function inside([x, y]: Point, polygon: Point[]): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function draw(size: number, layers: Layer[], ink: Rgba, background: Rgba): PNG {
  const topFirst = [...layers].reverse();
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const point: Point = [(px + (sx + 0.5) / SUBSAMPLES) / size, (py + (sy + 0.5) / SUBSAMPLES) / size];
          const top = topFirst.find((layer) => inside(point, layer.polygon));
          const colour = top?.paint === 'ink' ? ink : background;
          colour.forEach((channel, c) => (sum[c] += channel));
        }
      }
      const offset = (py * size + px) * 4;
      sum.forEach((total, c) => (png.data[offset + c] = Math.round(total / SUBSAMPLES ** 2)));
    }
  }
  return png;
}

const white: Rgba = [255, 255, 255, 255];
// Transparent white, so blended edge pixels stay pure white with partial alpha.
const clear: Rgba = [255, 255, 255, 0];
const brand: Rgba = [...BRAND_COLOUR, 255];

const layers = design();
const target = (name: string) => fileURLToPath(new URL(`../manifest/teams/${name}`, import.meta.url));
writeFileSync(target('color.png'), PNG.sync.write(draw(TEAMS_ICON_SIZES.color, layers, white, brand)));
writeFileSync(target('outline.png'), PNG.sync.write(draw(TEAMS_ICON_SIZES.outline, layers, white, clear)));
console.log('Wrote manifest/teams/color.png and manifest/teams/outline.png');
