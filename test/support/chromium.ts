/**
 * Headless Chromium for the browser tests: Debian's `chromium` (or
 * `CHROMIUM_PATH`), driven by playwright-core, which never downloads a
 * browser. A test file asks `CHROMIUM_SKIP` whether to skip, launches one
 * persistent context in `before` and closes it in `after`.
 *
 * @example
 * test('the page works', { skip: CHROMIUM_SKIP }, async () => {
 *   const browser = await launchChromium();
 *   try { const page = await browser.context.newPage(); ... } finally { await browser.close(); }
 * });
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Flags of every launch: headless, no sandbox (tests may run as root), and
 * nothing that phones home (background networking, component updates,
 * sync, first-run pages).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium executable: `CHROMIUM_PATH`, else `chromium` or `chromium-browser` on the PATH, else null. */
export function findChromium(): string | null {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    const out = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** The Chromium found on this machine, or null. */
export const CHROMIUM = findChromium();

/** The `skip` option of browser tests: false, or why they cannot run here. */
export const CHROMIUM_SKIP: string | false =
  CHROMIUM === null
    ? 'no chromium found (install Debian package chromium or set CHROMIUM_PATH)'
    : false;

/** A launched browser: one persistent context in a temporary profile. */
export interface LaunchedChromium {
  context: BrowserContext;
  /** Close the browser and remove its profile; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launch headless Chromium with `CHROMIUM_ARGS` in a fresh temporary
 * profile (1280×900 viewport). Throws when no Chromium is installed: check
 * `CHROMIUM_SKIP` first.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  if (CHROMIUM === null) throw new Error(CHROMIUM_SKIP || 'no chromium found');
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let closed: Promise<void> | null = null;
  return {
    context,
    close() {
      closed ??= context.close().finally(() => rmSync(profile, { recursive: true, force: true }));
      return closed;
    },
  };
}
