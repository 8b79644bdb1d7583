// `npm start`: builds the extension, serves the demo ad site, and opens it in Chromium with
// Parasol loaded. With a display you get a real window to try it in; without one, the demo runs
// by itself (types a draft with a disguised phone number, an email and a payment handle, and
// picks a photo that says where it was taken) and saves screenshots of what Parasol shows.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { launchChromiumWithParasol, typeIntoProfile } from '../tests/e2e/support/chromium';
import { DEMO_DRAFT, startDemoServer } from '../tests/e2e/support/demo';
import { SCREENSHOTS } from '../tests/e2e/support/paths';
import { GPS_PHOTO } from '../tests/e2e/support/photos';
import { demoListBlock, demoListSecret } from '../tests/e2e/support/demo-list';
import { importListOnOptionsPage, setPassphraseOnOptionsPage, type DriverPage } from '../tests/e2e/support/options-driver';

/** The demo's passphrase for Parasol's vault (made up, for the headless run only). */
const DEMO_PASSPHRASE = 'umbrella over the rain';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

console.log('Building the extension for Chrome...');
try {
  execFileSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'pipe' });
} catch (error) {
  console.error(String((error as { stderr?: Buffer }).stderr ?? error));
  process.exit(1);
}

const demo = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
const browser = await launchChromiumWithParasol({ headed });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());

if (headed) {
  await page.goto(demo.url('profile.html'));
  console.log(`Demo ad site: ${demo.url()}`);
  console.log('Type a phone number into "About me" (try "seven oh two 555 0147"), then click the Parasol button in the toolbar.');
  console.log('Choose a profile picture taken with a phone: Parasol holds it until you choose "Clean and use".');
  console.log(`Warning lists: in Parasol's settings, set a passphrase, then add the demo list from ${demo.url('inbox.html')} (its code is on that page); the inbox then shows a listed client in Parasol's window.`);
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await demo.close();
    process.exit(0);
  };
  browser.context.on('close', stop);
  process.on('SIGINT', stop);
} else {
  console.log('No display: running the demo headless.');
  await typeIntoProfile(page, demo.url('profile.html'), DEMO_DRAFT);
  // A real phone photo with GPS, from the shared corpus beside the project (never copied into it).
  const photo = existsSync(GPS_PHOTO) ? GPS_PHOTO : undefined;
  if (photo) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#avatar-button')]);
    await chooser.setFiles({ name: 'DSCN0010.jpg', mimeType: 'image/jpeg', buffer: readFileSync(photo) });
  }
  const tabId = await browser.tabIdOf(page);
  let badge = '';
  for (let tries = 0; tries < 50 && badge === ''; tries++) {
    await page.waitForTimeout(200);
    badge = await browser.badgeText(tabId);
  }

  await mkdir(SCREENSHOTS, { recursive: true });
  const shots = {
    profile: `${SCREENSHOTS}/demo-profile.png`,
    popup: `${SCREENSHOTS}/popup.png`,
    options: `${SCREENSHOTS}/options.png`,
  };
  await page.screenshot({ path: shots.profile });
  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 640 });
  await popup.locator('li.finding').nth(2).waitFor({ timeout: 5000 }).catch(() => undefined);
  if (photo) await popup.locator('article.photo li.finding').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await popup.screenshot({ path: shots.popup, fullPage: true });
  const options = await browser.openExtensionPage('options.html', { width: 360, height: 760 });
  await options.locator('#country option').nth(1).waitFor({ state: 'attached' });
  await options.screenshot({ path: shots.options, fullPage: true });

  // Job 2: the demo warning list, pasted as it would come in a message, then the client inbox.
  await setPassphraseOnOptionsPage(options as unknown as DriverPage, DEMO_PASSPHRASE);
  const imported = await importListOnOptionsPage(options as unknown as DriverPage, demoListSecret(), demoListBlock());
  const inbox = await browser.context.newPage();
  await inbox.goto(demo.url('inbox.html'));
  const inboxTab = await browser.tabIdOf(inbox);
  const inboxPopup = await browser.openExtensionPage(`popup.html?tab=${inboxTab}`, { width: 360, height: 640 });
  await inboxPopup.locator('.warning').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  Object.assign(shots, { inbox: `${SCREENSHOTS}/inbox-popup.png` });
  await inboxPopup.screenshot({ path: `${SCREENSHOTS}/inbox-popup.png`, fullPage: true });
  const warned = await inboxPopup.locator('.warning').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

  const found = await popup
    .locator('li.finding')
    .evaluateAll((items) => items.map((item) => [...item.children].map((p) => p.textContent?.trim()).join(' — ')));
  console.log(`Typed "${DEMO_DRAFT.trim()}" into the demo profile${photo ? ' and chose the photo DSCN0010.jpg' : ''}. Toolbar badge: ${badge || '(empty)'}.`);
  if (!photo) console.log(`(No photo tried: ${GPS_PHOTO} is missing.)`);
  for (const line of found) console.log(`Parasol found: ${line.replace(/\s+/g, ' ').trim()}`);
  console.log(`Imported the demo warning list from its pasted block: ${imported}`);
  console.log(`Opened the client inbox. ${warned.length ? 'Parasol warns:' : 'Parasol found no listed client (unexpected).'}`);
  for (const line of warned) console.log(`  ${line}`);
  console.log('Screenshots:');
  for (const [name, path] of Object.entries(shots)) console.log(`  ${name.padEnd(8)} ${path}`);
  await browser.close();
  await demo.close();
  if (found.length === 0 || warned.length === 0) {
    console.error('The demo did not produce the expected findings.');
    process.exit(1);
  }
}
