#!/usr/bin/env node
// The entry of earlier versions (`node bin/juesuan.mjs …` still works): the command is bin/juesuan.cjs,
// which starts ~10 ms sooner without node's ES module loader (see there).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./juesuan.cjs');
