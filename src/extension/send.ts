import { browser } from 'wxt/browser';
import type { MessageOf, MessageType, ReplyOf } from './messages';

/** Sends one typed message to the background and returns its typed reply. */
export function send<T extends MessageType>(message: MessageOf<T>): Promise<ReplyOf<T>> {
  return browser.runtime.sendMessage(message) as Promise<ReplyOf<T>>;
}
