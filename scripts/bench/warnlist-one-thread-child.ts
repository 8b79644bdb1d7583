// Runs in its own process for part "warnlist-browser": the same lists and inboxes looked up on one
// thread, the background's way (warnlist-page's loop), as the reference. Its own process, because
// the parent has playwright-core loaded, and that alone makes WebAssembly Argon2id about 2x slower.
import { openList, WarnIndex, type OpenedList } from '../../src/core/warnlist';
import { pageHandles } from '../../src/extension/background/warnlist/page-handles';
import { lookUpOnOneThread } from './warnlist-page';

export interface OneThreadRequest {
  files: { text: string; secret: string }[];
  rounds: string[][];
}

export type OneThreadReply = { firstMs: number; allMs: number; matched: number }[];

process.once('message', async ({ files, rounds }: OneThreadRequest) => {
  const lists: OpenedList[] = [];
  const index = new WarnIndex();
  for (const { text, secret } of files) {
    const opened = await openList(text, secret);
    if (!opened.ok) throw new Error(`warnlist one-thread reference: ${opened.error}`);
    lists.push(opened.list);
    index.add(opened.list);
  }
  const reply: OneThreadReply = [];
  for (const texts of rounds) reply.push(await lookUpOnOneThread(pageHandles(texts, [], { country: 'US' }), lists, index));
  process.send!(reply);
  process.disconnect();
});
