import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, chromiumFlags } from './chromium';
import { requireFile } from './paths';

/**
 * Debian's Chromium without any extension: the reference a measurement with Parasol is compared
 * with. Started like `launchChromiumWithParasol` (same flags, same new headless mode), so the two
 * differ only by the extension.
 */
export async function launchPlainChromium({ headed = false } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  requireFile(CHROMIUM, 'Install Debian\'s Chromium: apt-get install chromium');
  const profile = await mkdtemp(join(tmpdir(), 'parasol-chromium-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 800 },
    args: chromiumFlags(headed),
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
