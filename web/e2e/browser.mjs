// Debian's chromium driven by playwright-core (never a downloaded browser); see PLATFORM.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser profile (cold cache) with the given viewport; close() removes it. */
export async function launch({ width = 1440, height = 900, colorScheme = 'light', isMobile = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bf-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    // E2E_NETLOG=DIR writes Chromium's network log of each browser to DIR (for chasing stalls).
    args: process.env.E2E_NETLOG ? [...ARGS, `--log-net-log=${join(process.env.E2E_NETLOG, `netlog-${width}x${height}.json`)}`] : ARGS,
    viewport: { width, height },
    colorScheme,
    isMobile,
    hasTouch: isMobile,
    deviceScaleFactor: isMobile ? 2 : 1,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
