export * from './engine';
export * from './analyse';
export * from './balance';
export * from './process';
