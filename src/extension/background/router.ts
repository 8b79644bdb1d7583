import * as v from 'valibot';
import {
  MessageSchema,
  type MessageOf,
  type MessageType,
  type Origin,
  type ReplyOf,
} from '../messages';

export type Handlers = {
  [T in MessageType]: (message: MessageOf<T>, origin: Origin) => Promise<ReplyOf<T>> | ReplyOf<T>;
};

/** Messages only a content script may send, and only from inside a tab. */
const FROM_CONTENT: ReadonlySet<MessageType> = new Set(['draft/update', 'draft/forget', 'page/opened', 'photo/not-image', 'photo/forget', 'handles/found']);

export class RefusedMessage extends Error {
  override name = 'RefusedMessage';
}

/**
 * One entry for every message: checks its shape and who sent it, then hands it to its handler.
 * A refused message rejects, so the sender learns it was refused instead of hanging.
 */
export function createRouter(handlers: Handlers) {
  return async (raw: unknown, origin: Origin): Promise<unknown> => {
    const parsed = v.safeParse(MessageSchema, raw);
    if (!parsed.success) throw new RefusedMessage('Parasol refused a message of the wrong shape.');
    const message = parsed.output;
    const fromContent = origin.tabId !== undefined && !origin.fromExtensionPage;
    if (FROM_CONTENT.has(message.type) ? !fromContent : !origin.fromExtensionPage) {
      throw new RefusedMessage(`Parasol refused "${message.type}" from this sender.`);
    }
    const handler = handlers[message.type] as (m: typeof message, o: Origin) => unknown;
    return handler(message, origin);
  };
}
