import { serveTagWork } from '../src/extension/warnlist/tag-worker-main';

// A warning-list tag worker, started by the tag pool (src/extension/warnlist/tag-pool.ts) as a
// dedicated Web Worker from an extension page; an extension file, not web-accessible.
export default defineUnlistedScript(() => serveTagWork(self as unknown as Parameters<typeof serveTagWork>[0]));
