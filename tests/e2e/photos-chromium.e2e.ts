import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';
import { PROFILE_EDITOR, startDemoServer, type DemoServer } from './support/demo';
import {
  FACE_PHOTO,
  fileFrom,
  gpsOf,
  GPS_PHOTO,
  longestBeat,
  photosListed,
  receivedInPage,
  startHeartbeat,
  TEXT_FILE,
  BAD_FILES,
  dropInPage,
  inlinePictures,
  pasteInPage,
  type TestFile,
} from './support/photos';

let demo: DemoServer;
let browser: ChromiumWithParasol;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromiumWithParasol();
});

/** Pages a test opened, closed after it even when it fails. */
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const POLL = { timeout: 15_000, interval: 100 };

/** The demo profile, with its popup open beside it (as a page, for the profile's tab). */
async function profileAndPopup(): Promise<{ page: Page; popup: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(demo.url('profile.html'));
  const tabId = await browser.tabIdOf(page);
  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  opened.push(page, popup);
  // In front, so the page's timers run at full speed (a background tab's can be slowed).
  await page.bringToFront();
  await page.evaluate(startHeartbeat);
  return { page, popup, tabId };
}

/** Picks a file through the profile picture's custom button, as a person does: the button opens the chooser. */
async function pickThroughButton(page: Page, file: TestFile): Promise<void> {
  await page.bringToFront();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#avatar-button')]);
  await chooser.setFiles({ name: file.name, mimeType: file.type, buffer: Buffer.from(file.base64, 'base64') });
}

const photoNamed = async (popup: Page, name: string) => (await popup.evaluate(photosListed)).find((photo) => photo.name === name);

describe('Chromium: photos are checked before the site gets them', () => {
  test('a GPS photo picked through the hidden file input is held, listed with its place, and "Clean and use" gives the site a copy without GPS', async () => {
    const { page, popup, tabId } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await pickThroughButton(page, gps);

    await expect.poll(async () => (await photoNamed(popup, gps.name))?.state, POLL).toBe('waiting');
    const listed = (await photoNamed(popup, gps.name))!;
    expect(listed.kinds).toContain('location');
    expect(listed.text).toContain('near Arezzo, Italy');
    expect(listed.text).toContain('43.46745, 11.88513');
    expect(listed.choices).toEqual(['clean', 'as-is', 'skip']);
    expect(listed.preview).toBe(true);
    expect(Number(await browser.badgeText(tabId))).toBeGreaterThanOrEqual(1);
    // Held: the site has nothing yet, and its input is empty, so a form sent now carries nothing.
    expect(await page.evaluate(receivedInPage)).toEqual([]);
    expect(await page.$eval('#avatar-input', (input) => (input as HTMLInputElement).files?.length)).toBe(0);

    // By keyboard, from the popup.
    const clean = popup.locator(`article.photo button[data-choice="clean"]`);
    expect(await clean.textContent()).toBe('Clean and use');
    expect(await clean.getAttribute('aria-label')).toBe(`Clean and use “${gps.name}”`);
    await clean.focus();
    await popup.keyboard.press('Enter');

    await expect.poll(async () => (await page.evaluate(receivedInPage)).length, POLL).toBe(1);
    const [got] = await page.evaluate(receivedInPage);
    expect(got).toMatchObject({ via: 'picture', name: gps.name, type: 'image/jpeg' });
    expect(await gpsOf(gps.base64)).not.toBeNull();
    expect(await gpsOf(got!.base64)).toBeNull();
    expect(await page.textContent('#avatar-name')).toBe(gps.name);
    await expect.poll(async () => (await photoNamed(popup, gps.name))?.text, POLL).toContain('Cleaned: the site got this photo without its hidden data.');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(longestBeat)).toBeLessThan(200);
  });

  test('a GPS photo dropped on the Dropzone uploader is held, and cleaned on the person\'s choice', async () => {
    const { page, popup } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await page.evaluate(dropInPage, { selector: '#photos', files: [gps] });
    await expect.poll(async () => (await photoNamed(popup, gps.name))?.kinds, POLL).toContain('location');
    expect(await page.evaluate(receivedInPage)).toEqual([]);
    await popup.click('article.photo button[data-choice="clean"]');
    await expect.poll(async () => (await page.evaluate(receivedInPage)).length, POLL).toBe(1);
    const [got] = await page.evaluate(receivedInPage);
    expect(got).toMatchObject({ via: 'uploader', name: gps.name, type: 'image/jpeg' });
    expect(await gpsOf(got!.base64)).toBeNull();
    // The uploader shows it as its own, with its preview.
    await expect.poll(() => page.locator('#photos .dz-preview').count(), POLL).toBe(1);
  });

  test('a GPS photo pasted into the Quill editor is held, and goes in cleaned', async () => {
    const { page, popup } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await page.evaluate(pasteInPage, { selector: PROFILE_EDITOR, files: [gps] });
    await expect.poll(async () => (await photoNamed(popup, gps.name))?.kinds, POLL).toContain('location');
    expect(await page.evaluate(inlinePictures, PROFILE_EDITOR)).toEqual([]);
    await popup.click('article.photo button[data-choice="clean"]');
    // Quill's own uploader reads the pasted file and puts it in the text as a data: URL.
    await expect.poll(async () => (await page.evaluate(inlinePictures, PROFILE_EDITOR)).length, POLL).toBe(1);
    const [pasted] = await page.evaluate(inlinePictures, PROFILE_EDITOR);
    expect(await gpsOf(pasted!)).toBeNull();
  });

  test('the side panel lists the held photo too, at 360 px', async () => {
    const { page, popup, tabId } = await profileAndPopup();
    const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    opened.push(panel);
    const gps = fileFrom(GPS_PHOTO);
    await pickThroughButton(page, gps);
    await expect.poll(async () => (await photoNamed(panel, gps.name))?.state, POLL).toBe('waiting');
    await expect.poll(async () => (await photoNamed(popup, gps.name))?.state, POLL).toBe('waiting');
    expect((await photoNamed(panel, gps.name))!.kinds).toContain('location');
    expect(await photoNamed(panel, gps.name)).toEqual(await photoNamed(popup, gps.name));
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await panel.locator('article.photo .severity').first().textContent()).toMatch(/risk/i);
  });

  test('"Use as is" gives the site the very file picked', async () => {
    const { page, popup } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await pickThroughButton(page, gps);
    await expect.poll(async () => (await photoNamed(popup, gps.name))?.state, POLL).toBe('waiting');
    await popup.click('article.photo button[data-choice="as-is"]');
    await expect.poll(async () => (await page.evaluate(receivedInPage)).length, POLL).toBe(1);
    expect((await page.evaluate(receivedInPage))[0]!.base64).toBe(gps.base64);
  });

  test('a photo with a face shows the face, boxed, and offers to hide it', async () => {
    const { page, popup } = await profileAndPopup();
    const face = fileFrom(FACE_PHOTO);
    await pickThroughButton(page, face);
    await expect.poll(async () => (await photoNamed(popup, face.name))?.kinds, { ...POLL, timeout: 30_000 }).toContain('face');
    const listed = (await photoNamed(popup, face.name))!;
    expect(listed.boxes).toBeGreaterThanOrEqual(1);
    expect(listed.choices).toContain('hide-faces');
    expect(listed.text).toContain('tattoos, birthmarks, mirrors and windows');
    await popup.click('article.photo button[data-choice="hide-faces"]');
    await expect.poll(async () => (await page.evaluate(receivedInPage)).length, { ...POLL, timeout: 30_000 }).toBe(1);
    const [got] = await page.evaluate(receivedInPage);
    expect(got!.name).toBe(face.name);
    expect(got!.base64).not.toBe(face.base64);
  });

  test('a file that is not a picture goes to the site at once, untouched', async () => {
    const { page, popup } = await profileAndPopup();
    await pickThroughButton(page, TEXT_FILE);
    await expect.poll(async () => (await page.evaluate(receivedInPage)).length, { timeout: 2_000, interval: 50 }).toBe(1);
    expect((await page.evaluate(receivedInPage))[0]).toMatchObject({ name: TEXT_FILE.name, type: 'text/plain', base64: TEXT_FILE.base64 });
    expect(await popup.evaluate(photosListed)).toEqual([]);
  });

  describe('bad files get a clear message within 2 s, and the page stays responsive', () => {
    for (const [what, make, message, bigBytes] of BAD_FILES) {
      test(what, async () => {
        const { page, popup } = await profileAndPopup();
        const file = make();
        const started = Date.now();
        await page.evaluate(dropInPage, { selector: '#photos', files: [file], bigBytes });
        await expect.poll(async () => (await photoNamed(popup, file.name))?.text ?? '', { timeout: 2_000, interval: 50 }).toContain(message);
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(await page.evaluate(longestBeat)).toBeLessThan(200);
          });
    }
  });
});
