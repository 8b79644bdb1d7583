#!/usr/bin/env node
// The `parasol` command runs src/cli straight from TypeScript through tsx, so the CLI and the
// extension always share the same src/core code, with no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
