export * from './engine';
export * from './analyse';
