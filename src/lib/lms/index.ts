export * from './api';
export * from './time';
export * from './pack';
export * from './suspend';
export * from './report';
export * from './session';
