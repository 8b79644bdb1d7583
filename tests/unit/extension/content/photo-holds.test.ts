import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PhotoHolds, type PhotoBackend } from '../../../../src/extension/content/photo-holds';
import type { HeldFile } from '../../../../src/extension/content/photo-port';

const GPS = readFileSync(new URL('../../../../../shared/corpus/exif/jpg/gps/DSCN0010.jpg', import.meta.url));
const photo = (name = 'DSCN0010.jpg') => new File([GPS], name, { type: 'image/jpeg' });
const text = (name: string, type = 'text/plain') => new File(['150/hh, 250/h'], name, { type });

/** A background that holds every photo and "cleans" by renaming, noting what it was asked. */
function backend(hold = true) {
  const asked: string[] = [];
  const api: PhotoBackend = {
    check: async (held: HeldFile) => (asked.push(`check ${held.file.name} ${held.format}`), hold),
    clean: async (held: HeldFile, choice) => (asked.push(`${choice} ${held.id}`), new File(['clean'], held.file.name, { type: held.file.type })),
    notPicture: (held: HeldFile) => void asked.push(`not a picture ${held.file.name}`),
    forget: (id) => void asked.push(`forget ${id}`),
  };
  return { api, asked };
}

/** Ids of the photos waiting for the person's choice. */
function heldIds(holds: PhotoHolds): string[] {
  return [...(holds as unknown as { waiting: Map<string, unknown> }).waiting.keys()];
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('PhotoHolds', () => {
  it('gives non-pictures at once without asking the background, and notes files that only claim to be pictures', async () => {
    const { api, asked } = backend();
    const holds = new PhotoHolds(api);
    const given: File[][] = [];
    const rates = text('rates.txt');
    const fake = text('holiday.jpg', 'image/jpeg');
    holds.hold([rates, fake], (files) => given.push(files));
    await until(() => given.length === 1);
    expect(given[0]).toEqual([rates, fake]);
    expect(asked).toEqual(['not a picture holiday.jpg']);
    expect(holds.decided.has(rates)).toBe(true);
  });

  it('finds a picture by its bytes, whatever its name', async () => {
    const { api, asked } = backend(false);
    const holds = new PhotoHolds(api);
    const given: File[][] = [];
    holds.hold([new File([GPS], 'notes.txt', { type: 'text/plain' })], (files) => given.push(files));
    await until(() => given.length === 1);
    expect(asked).toEqual(['check notes.txt jpeg']);
  });

  it('holds a picture until the person chooses, keeping the files in order', async () => {
    const { api, asked } = backend();
    const holds = new PhotoHolds(api);
    const given: File[][] = [];
    const first = photo('one.jpg');
    const note = text('note.txt');
    const second = photo('two.jpg');
    holds.hold([first, note, second], (files) => given.push(files));
    await until(() => heldIds(holds).length === 2);
    expect(given).toEqual([]);
    const [one, two] = heldIds(holds);
    await expect(holds.choose(two!, 'clean')).resolves.toEqual({ ok: true });
    expect(given).toEqual([]);
    await expect(holds.choose(one!, 'skip')).resolves.toEqual({ ok: true });
    await until(() => given.length === 1);
    expect(given[0]!.map((file) => file.name)).toEqual(['note.txt', 'two.jpg']);
    expect(await given[0]![1]!.text()).toBe('clean');
    expect(asked).toEqual(['check one.jpg jpeg', 'check two.jpg jpeg', `clean ${two}`]);
    // What was given passes from now on; a second choice for the same photo finds nothing.
    expect(holds.decided.has(given[0]![1]!)).toBe(true);
    await expect(holds.choose(two!, 'as-is')).resolves.toEqual({ ok: false, error: 'gone' });
  });

  it('"Use as is" gives the very file picked', async () => {
    const holds = new PhotoHolds(backend().api);
    const given: File[][] = [];
    const picked = photo();
    holds.hold([picked], (files) => given.push(files));
    await until(() => heldIds(holds).length === 1);
    await holds.choose(heldIds(holds)[0]!, 'as-is');
    await until(() => given.length === 1);
    expect(given[0]![0]).toBe(picked);
  });

  it('a photo that could not be cleaned stays held', async () => {
    const { api } = backend();
    const holds = new PhotoHolds({ ...api, clean: async () => null });
    const given: File[][] = [];
    holds.hold([photo()], (files) => given.push(files));
    await until(() => heldIds(holds).length === 1);
    const [id] = heldIds(holds);
    await expect(holds.choose(id!, 'clean')).resolves.toEqual({ ok: false, error: 'failed' });
    expect(heldIds(holds)).toEqual([id]);
    expect(given).toEqual([]);
  });

  it('a cancelled hold gives nothing and tells the background to forget its photos', async () => {
    const { api, asked } = backend();
    const holds = new PhotoHolds(api);
    const given: File[][] = [];
    const hold = holds.hold([photo()], (files) => given.push(files));
    await until(() => heldIds(holds).length === 1);
    const [id] = heldIds(holds);
    hold.cancel();
    expect(asked).toContain(`forget ${id}`);
    await expect(holds.choose(id!, 'as-is')).resolves.toEqual({ ok: false, error: 'gone' });
    expect(given).toEqual([]);
  });

  it('gives the file as it is when the background cannot be reached', async () => {
    const { api } = backend();
    const holds = new PhotoHolds({ ...api, check: async () => Promise.reject(new Error('Extension context invalidated.')) });
    const given: File[][] = [];
    const picked = photo();
    holds.hold([picked], (files) => given.push(files));
    await until(() => given.length === 1);
    expect(given[0]).toEqual([picked]);
  });
});
