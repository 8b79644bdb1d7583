import { describe, expect, it } from 'vitest';
import { FieldRegistry } from '../../../../src/extension/content/field-registry';

/** The registry reads only whether an element is still in the page. */
const element = (isConnected = true) => ({ isConnected }) as HTMLElement;

describe('FieldRegistry', () => {
  it('names each field once, with ids the messages accept', () => {
    const registry = new FieldRegistry();
    const [a, b] = [element(), element()];
    expect(registry.idOf(a)).toBe('f1');
    expect(registry.idOf(b)).toBe('f2');
    expect(registry.idOf(a)).toBe('f1');
    expect(registry.fieldOf('f2')).toBe(b);
    expect(registry.fieldOf('f3')).toBeUndefined();
  });

  it('finds no field that left the page, and keeps the id of one put back', () => {
    const registry = new FieldRegistry();
    const field = { isConnected: true } as { isConnected: boolean } & HTMLElement;
    const id = registry.idOf(field);
    field.isConnected = false;
    expect(registry.fieldOf(id)).toBeUndefined();
    registry.forget(field);
    field.isConnected = true;
    expect(registry.fieldOf(id)).toBeUndefined();
    expect(registry.idOf(field)).toBe(id);
    expect(registry.fieldOf(id)).toBe(field);
  });
});
