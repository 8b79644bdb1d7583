/** Shorter than this is refused when a passphrase is set or changed (unlocking takes whatever was set). */
export const MIN_PASSPHRASE = 8;

export function tooShort(passphrase: string): boolean {
  return [...passphrase.normalize('NFC')].length < MIN_PASSPHRASE;
}
