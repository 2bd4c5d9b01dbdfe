export * from './grade';
export * from './completion';
export * from './draw';
export * from './assessment';
