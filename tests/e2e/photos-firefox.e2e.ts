import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, waitFor, type FirefoxWithParasol, running } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';
import {
  BAD_FILES,
  dropInPage,
  FACE_PHOTO,
  fileFrom,
  gpsOf,
  GPS_PHOTO,
  longestBeat,
  photosListed,
  receivedInPage,
  startHeartbeat,
  TEXT_FILE,
  type TestFile,
} from './support/photos';

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;
/** Files handed to the file input are written here first: WebDriver BiDi sets files by path. */
let files: string;
const opened: Page[] = [];

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'parasol-photos-'));
  [demo, firefox] = await Promise.all([startDemoServer(), launchFirefoxWithParasol()]);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
  await rm(files, { recursive: true, force: true });
});

async function profileAndPopup(): Promise<{ page: Page; popup: Page }> {
  const { browser } = running(firefox, 'Firefox with Parasol');
  const page = await browser.newPage();
  opened.push(page);
  await page.goto(running(demo, 'The demo server').url('profile.html'));
  const popup = await openExtensionPage(browser, page, 'popup');
  opened.push(popup);
  // In front, so the page's timers run at full speed (a background tab's are slowed to once a second).
  await page.bringToFront();
  await page.evaluate(startHeartbeat);
  return { page, popup };
}

/** Picks a file in the profile picture's hidden input (behind its custom button), as the file chooser would. */
async function pick(page: Page, file: TestFile): Promise<void> {
  const path = join(files, file.name);
  await writeFile(path, Buffer.from(file.base64, 'base64'));
  const input = (await page.$('#avatar-input')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

const photoNamed = async (popup: Page, name: string) => (await popup.evaluate(photosListed)).find((photo) => photo.name === name);
const received = (page: Page) => page.evaluate(receivedInPage);

describe('Firefox ESR: photos are checked before the site gets them', () => {
  test('a GPS photo picked in the hidden file input is held, listed with its place, and "Clean and use" gives the site a copy without GPS', async () => {
    const { page, popup } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await pick(page, gps);
    const listed = await waitFor('the held photo in the popup', async () => {
      const photo = await photoNamed(popup, gps.name);
      return photo?.state === 'waiting' && photo;
    });
    expect(listed.kinds).toContain('location');
    expect(listed.text).toContain('near Arezzo, Italy');
    expect(await received(page)).toEqual([]);
    expect(await page.$eval('#avatar-input', (input) => (input as HTMLInputElement).files?.length)).toBe(0);

    await popup.click('article.photo button[data-choice="clean"]');
    const [got] = await waitFor('the site to receive the photo', async () => {
      const list = await received(page);
      return list.length === 1 && list;
    });
    expect(got).toMatchObject({ via: 'picture', name: gps.name, type: 'image/jpeg' });
    expect(await gpsOf(gps.base64)).not.toBeNull();
    expect(await gpsOf(got!.base64)).toBeNull();
    expect(await page.evaluate(longestBeat)).toBeLessThan(200);
  });

  test('a GPS photo dropped on the Dropzone uploader is held, and cleaned on the person\'s choice', async () => {
    const { page, popup } = await profileAndPopup();
    const gps = fileFrom(GPS_PHOTO);
    await page.evaluate(dropInPage, { selector: '#photos', files: [gps] });
    await waitFor('the location in the popup', async () => (await photoNamed(popup, gps.name))?.kinds.includes('location'));
    expect(await received(page)).toEqual([]);
    await popup.click('article.photo button[data-choice="clean"]');
    const [got] = await waitFor('the uploader to receive the photo', async () => {
      const list = await received(page);
      return list.length === 1 && list;
    });
    expect(got).toMatchObject({ via: 'uploader', name: gps.name, type: 'image/jpeg' });
    expect(await gpsOf(got!.base64)).toBeNull();
  });

  // No paste test here: Firefox copies only the text of the DataTransfer a page gives a
  // ClipboardEvent, so a test cannot fake a paste of a file (a real paste carries it). Pasting is
  // tested in Chromium; in Firefox a held paste goes back to the site as a drop, untested.

  test('a photo with a face shows the face, boxed', async () => {
    const { page, popup } = await profileAndPopup();
    const face = fileFrom(FACE_PHOTO);
    await pick(page, face);
    const listed = await waitFor(
      'a face in the popup',
      async () => {
        const photo = await photoNamed(popup, face.name);
        return photo?.kinds.includes('face') && photo;
      },
      { timeoutMs: 30_000 },
    );
    expect(listed.boxes).toBeGreaterThanOrEqual(1);
    expect(listed.choices).toContain('hide-faces');
  });

  test('a file that is not a picture goes to the site at once, untouched', async () => {
    const { page, popup } = await profileAndPopup();
    await pick(page, TEXT_FILE);
    const [got] = await waitFor('the site to receive the file', async () => {
      const list = await received(page);
      return list.length === 1 && list;
    }, { timeoutMs: 2_000, intervalMs: 50 });
    expect(got).toMatchObject({ name: TEXT_FILE.name, type: 'text/plain', base64: TEXT_FILE.base64 });
    expect(await popup.evaluate(photosListed)).toEqual([]);
  });

  describe('bad files get a clear message within 2 s, and the page stays responsive', () => {
    for (const [what, make, message, bigBytes] of BAD_FILES) {
      test(what, async () => {
        const { page, popup } = await profileAndPopup();
        const file = make();
        const started = Date.now();
        await page.evaluate(dropInPage, { selector: '#photos', files: [file], bigBytes });
        await waitFor(`“${message}” in the popup`, async () => (await photoNamed(popup, file.name))?.text.includes(message), {
          timeoutMs: 2_000,
          intervalMs: 50,
        });
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(await page.evaluate(longestBeat)).toBeLessThan(200);
      });
    }
  });
});
