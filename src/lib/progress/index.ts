export * from './types';
export * from './codec';
export * from './migrations';
export * from './reducers';
export * from './merge';
export * from './records';
export * from './status';
export * from './summary';
// Not here: transfer.ts and fit.ts (export and import), which only the progress page loads; import them
// from their modules, so that no other page's bundle carries them.
