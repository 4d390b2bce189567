export * from './money.js';
export * from './provenance.js';
export * from './table.js';
export * from './performance.js';
export * from './narrative.js';
export * from './disclosure.js';
