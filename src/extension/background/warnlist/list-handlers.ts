import type { Handlers } from '../router';
import type { HeldLists } from './held-lists';

type ListHandlers = Pick<Handlers, 'lists/import' | 'lists/get' | 'lists/remove' | 'report/add' | 'report/export'>;

/** The options page's warning-list messages; the router has checked they come from an extension page. */
export function createListHandlers(lists: HeldLists): ListHandlers {
  return {
    'lists/import': ({ text, secret }) => lists.importList(text, secret),
    'lists/get': () => lists.summaries(),
    'lists/remove': ({ id }) => lists.removeList(id),
    'report/add': ({ report }) => lists.addReport(report),
    'report/export': () => lists.exportOwn(),
  };
}
