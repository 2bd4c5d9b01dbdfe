export * from './types';
export * from './codec';
export * from './migrations';
export * from './reducers';
export * from './records';
export * from './status';
export * from './transfer';
