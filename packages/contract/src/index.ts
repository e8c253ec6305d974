export * from './fold.js';
export * from './common.js';
export * from './laws.js';
export * from './laws.query.js';
export * from './meta.js';
export * from './routes.js';
