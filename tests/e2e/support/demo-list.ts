import { readFileSync } from 'node:fs';
import { ROOT } from './paths';

/** The demo warning list that ships with the demo site (made up), as a file, as a pasted block, and its code. */
const DIR = `${ROOT}tests/fixtures/demo-site`;
export const DEMO_LIST_FILE = `${DIR}/demo-list.parasol`;
export const demoListText = (): string => readFileSync(DEMO_LIST_FILE, 'utf8');
export const demoListBlock = (): string => readFileSync(`${DIR}/demo-list.txt`, 'utf8');
export const demoListSecret = (): string => readFileSync(`${DIR}/demo-list-secret.txt`, 'utf8').trim();
