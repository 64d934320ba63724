// Every response body of the API: one zod schema per shape (it documents the
// route in OpenAPI and checks the server's answers in tests) and its type of
// the same name. The mini-program imports the types only (`import type`), so
// zod stays out of its bundle.
export * from './common';
export * from './errors';
export * from './users';
export * from './events';
export * from './signups';
export * from './volunteers';
export * from './plans';
export * from './campaigns';
export * from './organizations';
export * from './audit';
export * from './health';
export * from './notifications';
export * from './duties';
export * from './stats';
export * from './uploads';
