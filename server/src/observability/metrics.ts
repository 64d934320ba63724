// Prometheus metrics (prom-client): the process's own (memory, CPU, event loop),
// request timings by route pattern, and the product's counters. Served by GET /metrics.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// Process metrics are one per process, however many apps it composes (tests make many).
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'kepu_' });
  }
  return processRegistry;
}

/** Methods the API answers; anything else is one label value, so a scanner cannot grow the series. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export class AppMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  private readonly requestDuration = new Histogram({
    name: 'kepu_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly signupsCreated = new Counter({
    name: 'kepu_signups_created_total',
    help: 'Sign-ups created, by the status they got (confirmed or waitlisted)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'kepu_rate_limited_total',
    help: 'Requests refused with 429, by rate-limit bucket',
    labelNames: ['bucket'] as const,
    registers: [this.registry],
  });

  readonly certificatesRendered = new Counter({
    name: 'kepu_certificates_rendered_total',
    help: 'Volunteer certificate PDFs rendered (a download served from the cache does not count)',
    registers: [this.registry],
  });

  /** `route` is the pattern (/api/v1/events/:id), never the raw path: one series per route, no ids or query strings. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requestDuration.observe({ method: KNOWN_METHODS.has(method) ? method : 'OTHER', route, status: String(status) }, seconds);
  }

  /** The text exposition of the process metrics and this app's. */
  async render(): Promise<string> {
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }
}
