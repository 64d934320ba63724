export * from './common';
export * from './auth';
export * from './plans';
export * from './events';
export * from './volunteers';
export * from './notifications';
export * from './venues';
