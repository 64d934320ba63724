// The process's structured log: one JSON object per line (pino), for a log
// shipper to read. Owns what may be logged; callers log ids and route patterns, never people.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * An error reduced to what helps an operator and nothing a user typed: its kind, code, message and stack.
 * TypeORM's QueryFailedError carries the statement and its parameters (phones, openids, names), and a
 * driver error its `sql`: those are dropped, as is every other property an error may carry.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), message: error.message, stack: error.stack };
}

/**
 * pino's isoTime, formatted once per millisecond: under load many lines share a millisecond,
 * and formatting the date was a visible part of each request's cost.
 */
let stampedAt = -1;
let stamp = '';
export function isoTime(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

/** A logger at `level`; tests pass their own destination to read the lines back. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    // The machine's name says nothing a pid and the shipper's own labels do not.
    base: { pid: process.pid },
    // Every error passes through safeError, whatever key it is logged under.
    serializers: { err: safeError, error: safeError },
    timestamp: isoTime,
  };
  if (destination) return pino(options, destination);
  return level === 'silent' ? pino(options) : pino(options, stdoutInBatches());
}

/**
 * Standard output, written in batches of 2-4 KB (ten or so request lines) rather than one write
 * per line, and synchronously: one write(2) per batch, no trip through the thread pool (which
 * under load costs more than the lines). A batch never splits a line and stays within PIPE_BUF
 * (4 KB), so the lines of several worker processes sharing one pipe do not interleave. A quiet
 * process still shows its lines within a second; what is buffered is written out at exit.
 */
function stdoutInBatches(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true, minLength: 2048, maxWrite: 4096, periodicFlush: 1000 });
  process.once('exit', () => {
    try {
      stream.flushSync();
    } catch {
      // Standard output already closed: nothing left to write to.
    }
  });
  return stream;
}
