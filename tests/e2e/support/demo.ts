import { startDemoServer } from '../../../scripts/demo-server.mjs';

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
export { startDemoServer };

/** What the thin slice types into the demo profile's rich-text editor. */
export const TYPED_DRAFT = ' call me 555 123 4567';
export const TYPED_NUMBER = '+15551234567';
