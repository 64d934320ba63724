// The package both sides import: payload schemas, response views, error codes
// and the pure rules both apply. Nothing here touches the network or a database.
export * from './errors';
export * from './states';
export * from './schemas';
export * from './rules';
export * from './views';
export * from './time';
export * from './audit-actions';
