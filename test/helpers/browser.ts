import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Debian's Chromium driven by playwright-core (no browser download). Missing Chromium skips the
 * browser specs on a developer's machine with a message; on CI (.ci/run installs it) it fails.
 */
export async function launchChromium(suite: Mocha.Context): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it with apt-get install chromium`);
    console.warn(`      (skipped: no Chromium at ${CHROMIUM}; install it with \`apt-get install -y chromium\` to run the browser tests)`);
    suite.skip();
    return undefined;
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page (WCAG 2.1 A and AA rules) and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, so it runs in the page (this project compiles without the DOM types).
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** With WORKSPACE_SCREENSHOTS=<folder>, saves a PNG of the page there (for the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.WORKSPACE_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: false });
}

export const TEAMS_TAB = { width: 420, height: 900 };
export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/** No serious axe violation and no sideways scrolling, at desktop, Teams tab and phone widths; ends at desktop width. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  for (const viewport of [DESKTOP, TEAMS_TAB, PHONE]) {
    await page.setViewportSize(viewport);
    const violations = await seriousAccessibilityViolations(page);
    assert.deepEqual(violations, [], `${name} at ${viewport.width}px:\n${describeViolations(violations)}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    // Names what sticks out, so a failure says where to look.
    const wide = overflow > 1 ? await page.evaluate<string>(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).map((e) => e.tagName + '#' + e.id).slice(0, 8).join(', ')`) : '';
    assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at ${viewport.width}px: ${wide}`);
  }
  await page.setViewportSize(DESKTOP);
}
