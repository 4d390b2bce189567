import fc from 'fast-check';
import { composeInputArb } from './src/compose/testing/arbitrary.js';
try { fc.sample(composeInputArb, 2000); console.log('ok'); } catch (e) { console.log(String((e as any).message).slice(0, 2000)); }
