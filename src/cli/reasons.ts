import { readFileSync } from 'node:fs';

/**
 * The plain-words reasons from the extension's English strings, so the CLI says exactly what
 * the popup says.
 */
const messages = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;

export function reasonText(name: string): string {
  return messages[name]?.message ?? name;
}
