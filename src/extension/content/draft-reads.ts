import type { RunInSlices } from './slices';
import type { EditableWalk } from './text-map';

export interface DraftReadsOptions<F> {
  /** Starts a read: a plain field's text at once, or a walk over an editable region. */
  start(field: F): string | EditableWalk;
  /** The field's whole text, read; sending it is this callback's business. */
  finish(field: F, text: string): void;
  slices: RunInSlices;
}

/**
 * The fields whose text is due to be read (their person paused typing), read one at a time in
 * slices. A large editable region is walked over several slices, and finishing a read (joining
 * the text and sending it, work that grows with the draft) gets a slice of its own, so no slice
 * holds more than a slice's walking or one field's send.
 *
 * A read is only right if the region did not change while it was walked: the caller says when
 * it sees a change, and queues the field again after the next pause.
 */
export class DraftReads<F> {
  private readonly due = new Set<F>();
  private reading: { field: F; walk: EditableWalk; walked: boolean } | undefined;
  private cancelSlices: (() => void) | undefined;

  constructor(private readonly options: DraftReadsOptions<F>) {}

  /** Reads `field` as soon as the fields before it are read. */
  add(field: F): void {
    this.due.add(field);
    this.cancelSlices ??= this.options.slices(
      (timeUp) => this.slice(timeUp),
      () => (this.cancelSlices = undefined),
    );
  }

  /**
   * `field` changed: a walk of it under way is dropped, as part of what it read is gone (the
   * caller queues the field again after the next pause). A read that is only due stays: it has
   * not read anything yet, and will read the new text.
   */
  changed(field: F): void {
    if (this.reading?.field === field) this.reading = undefined;
  }

  /** The field being walked now, if any. */
  get current(): F | undefined {
    return this.reading?.field;
  }

  stop(): void {
    this.due.clear();
    this.reading = undefined;
    this.cancelSlices?.();
    this.cancelSlices = undefined;
  }

  private slice(timeUp: () => boolean): boolean {
    if (!this.reading) {
      const next = this.due.values().next();
      if (next.done) return true;
      const field = next.value;
      this.due.delete(field);
      const read = this.options.start(field);
      if (typeof read === 'string') {
        this.options.finish(field, read);
        return this.due.size === 0;
      }
      this.reading = { field, walk: read, walked: false };
    }
    const reading = this.reading;
    if (!reading.walked) {
      reading.walked = reading.walk.step(timeUp);
      return false;
    }
    this.reading = undefined;
    this.options.finish(reading.field, reading.walk.result().text);
    return this.due.size === 0;
  }
}
