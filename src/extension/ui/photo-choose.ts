import { t } from '../i18n';
import type { PhotoChoice, PhotoChoiceReply } from '../messages';
import { send } from '../send';

/**
 * Sends the person's choice for a held photo and says in `status` when it could not be done;
 * what the site got is told on the photo itself once the list is drawn again.
 */
export async function choosePhoto(
  tabId: number,
  photoKey: string,
  choice: PhotoChoice,
  button: HTMLButtonElement,
  status: HTMLElement,
): Promise<void> {
  // aria-disabled, not disabled: a disabled button drops the keyboard focus.
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  status.textContent = '';
  let reply: PhotoChoiceReply;
  try {
    reply = await send({ type: 'photo/choose', tabId, photoKey, choice });
  } catch {
    reply = { ok: false, error: 'gone' };
  }
  button.removeAttribute('aria-disabled');
  if (!reply.ok) status.textContent = t(`photoError_${reply.error}`);
}
