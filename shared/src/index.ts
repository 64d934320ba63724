// The package both sides import: payload schemas, error codes, the campaign
// catalogue and the plan types. Nothing here touches the network or a database.
export * from './errors';
export * from './schemas';
export * from './plans/types';
export * from './plans/views';
export * from './campaigns';
export * from './time';
export * from './volunteers/hours';
export * from './events/series';
