#!/usr/bin/env node
// The `juesuan` command. Runs the TypeScript sources through tsx's loader (no build step needed),
// so `npx juesuan` works straight after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
