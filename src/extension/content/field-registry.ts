/**
 * The content script's private names for draft fields. The background and the popup know a
 * field only by its id; the page never sees one (no attribute, no property on the element).
 * Weak references let the page drop its elements as if Parasol were not there.
 */
export class FieldRegistry {
  private readonly ids = new WeakMap<HTMLElement, string>();
  private readonly fields = new Map<string, WeakRef<HTMLElement>>();
  private nextId = 1;

  idOf(field: HTMLElement): string {
    let id = this.ids.get(field);
    if (!id) this.ids.set(field, (id = `f${this.nextId++}`));
    // Set again after a forget: a field taken out of the page and put back keeps its id.
    if (!this.fields.has(id)) this.fields.set(id, new WeakRef(field));
    return id;
  }

  /** The field still on the page under that id, or undefined. */
  fieldOf(id: string): HTMLElement | undefined {
    const field = this.fields.get(id)?.deref();
    if (field?.isConnected) return field;
    return undefined;
  }

  /** Drops a field that left the page (its id is never reused). */
  forget(field: HTMLElement): void {
    const id = this.ids.get(field);
    if (id) this.fields.delete(id);
  }
}
