import type { PhotoChoice, PhotoChoiceReply } from '../messages';
import { checkInBackground, cleanInBackground, type HeldFile } from './photo-port';
import { claimsPicture, sniffFile } from './photo-sniff';

/** What a hold needs from Parasol's background; the real one is photo-port.ts and send(). */
export interface PhotoBackend {
  check(held: HeldFile): Promise<boolean>;
  clean(held: HeldFile, choice: 'clean' | 'hide-faces'): Promise<File | null>;
  /** A file that says it is a picture but is not one: it goes to the site at once, and the popup says so. */
  notPicture(held: HeldFile): void;
  /** A held photo will never be given (the person picked other files). */
  forget(id: string): void;
}

export const realBackend = (send: (message: import('../messages').Message) => Promise<unknown>): PhotoBackend => ({
  check: checkInBackground,
  clean: cleanInBackground,
  notPicture: ({ id, file }) =>
    void send({ type: 'photo/not-image', photo: { id, name: file.name.slice(0, 500), type: file.type.slice(0, 200), size: file.size } }).catch(
      () => undefined,
    ),
  forget: (id) => void send({ type: 'photo/forget', photoId: id }).catch(() => undefined),
});

interface Waiting extends HeldFile {
  settle(file: File | null): void;
  busy: boolean;
}

export interface Hold {
  /** The files will never be given: another pick replaced them. */
  cancel(): void;
}

/**
 * Photos held from the site. Each hold is one event's files (a pick in a file input, a drop,
 * a paste): every picture among them is checked in the background; what has nothing to say
 * is given at once, the rest waits for the person's choice in Parasol's popup. When every
 * picture is decided, the site gets the files, in their order, through `give`.
 */
export class PhotoHolds {
  /** Files already decided (given as they were, or cleaned): an event carrying only these goes through. */
  readonly decided = new WeakSet<File>();
  private waiting = new Map<string, Waiting>();
  private next = Math.floor(Math.random() * 1e9);

  constructor(private backend: PhotoBackend) {}

  hold(files: File[], give: (files: File[]) => void): Hold {
    let cancelled = false;
    const mine: string[] = [];
    // A held photo's answer comes later, as a promise in a box: it must not hold up checking the next file.
    const decide = async (file: File): Promise<File | { later: Promise<File | null> }> => {
      if (this.decided.has(file)) return file;
      const held: HeldFile = { id: `p${this.next++}`, file, format: await sniffFile(file) };
      if (held.format === 'unknown') {
        if (claimsPicture(file)) this.backend.notPicture(held);
        return file;
      }
      let hold: boolean;
      try {
        hold = await this.backend.check(held);
      } catch {
        // Parasol's background cannot be reached (the extension was updated or turned off):
        // the site gets the file as it would without Parasol rather than never.
        return file;
      }
      if (!hold || cancelled) return file;
      mine.push(held.id);
      return { later: new Promise((settle) => this.waiting.set(held.id, { ...held, settle, busy: false })) };
    };

    void (async () => {
      const answers: (File | Promise<File | null>)[] = [];
      // One at a time: only one photo is ever in transit to the background.
      for (const file of files) {
        const answer = await decide(file);
        answers.push('later' in answer ? answer.later : answer);
      }
      const results = await Promise.all(answers);
      if (cancelled) return;
      const chosen = results.filter((file): file is File => file !== null);
      for (const file of chosen) this.decided.add(file);
      give(chosen);
    })();

    return {
      cancel: () => {
        cancelled = true;
        for (const id of mine) {
          this.waiting.delete(id);
          this.backend.forget(id);
        }
      },
    };
  }

  /** Carries out the person's choice for one held photo. */
  async choose(id: string, choice: PhotoChoice): Promise<PhotoChoiceReply> {
    const photo = this.waiting.get(id);
    if (!photo || photo.busy) return { ok: false, error: 'gone' };
    let result: File | null = choice === 'as-is' ? photo.file : null;
    if (choice === 'clean' || choice === 'hide-faces') {
      photo.busy = true;
      result = await this.backend.clean(photo, choice);
      photo.busy = false;
      if (!result) return { ok: false, error: 'failed' };
    }
    if (this.waiting.get(id) !== photo) return { ok: false, error: 'gone' };
    this.waiting.delete(id);
    photo.settle(result);
    return { ok: true };
  }
}
