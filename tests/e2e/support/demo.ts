import { startDemoServer } from '../../../scripts/demo-server.mjs';

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
export { startDemoServer };

/** The demo profile's Quill editor ("About me"). */
export const PROFILE_EDITOR = '#about .ql-editor';

/** What the thin slice types into the demo profile's rich-text editor, and the number in it. */
export const TYPED_PHONE = '555 123 4567';
export const TYPED_DRAFT = ` call me ${TYPED_PHONE}`;
export const TYPED_NUMBER = '+15551234567';

/** What `npm start` types: a number, an email and a payment handle, written to slip past filters (made up). */
export const DEMO_DRAFT = ' Text me on 7O2 five five five 0147, or mail rosa.m at gmail dot com. Deposit first: cashapp $RosaM77';
