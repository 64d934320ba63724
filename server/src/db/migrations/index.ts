import { Initial1764000000000 } from './1764000000000-Initial';

/** Every migration, oldest first. Listed by hand so bundling and ts-jest need no globs. */
export const migrations = [Initial1764000000000];
