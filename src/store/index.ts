export * from './db.js';
export * from './corpus.js';
export * from './queries.js';
export * from './accounts.js';
export { factsToRows, regionOf, departmentTypeOf } from './facts-rows.js';
export * from './batches.js';
