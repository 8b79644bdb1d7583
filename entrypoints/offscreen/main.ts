import { findFacesInPage } from '../../src/extension/faces/find-faces-in-page';
import { serveFaceRequests } from '../../src/extension/faces/face-page-server';
import { serveTagRequests } from '../../src/extension/warnlist/tag-page-server';
import { createTagPool, TAG_WORKER_PATH } from '../../src/extension/warnlist/tag-pool';

serveFaceRequests(findFacesInPage);
// Warning-list tags on several cores, for Chrome's service worker (which cannot start workers).
serveTagRequests(createTagPool(new URL(TAG_WORKER_PATH, location.origin).href));
