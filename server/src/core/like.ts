// LIKE patterns that match a user's text literally, on SQLite and MySQL alike.

/**
 * Escapes LIKE's wildcards with '!'; the query must say ESCAPE '!'. Not a
 * backslash: inside a string literal it means different things to SQLite and
 * MySQL, so it cannot be the escape on both.
 */
export function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
