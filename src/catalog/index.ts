/** The catalogue: classification codes, glossary, the standard tables and the narrative sections. */
export * from './code-names.js';
export * from './function-codes.js';
export * from './economic-codes.js';
export * from './glossary.js';
export * from './tables.js';
export * from './sections.js';
