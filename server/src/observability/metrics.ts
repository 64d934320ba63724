// Prometheus metrics (prom-client): the process's own (memory, CPU, event loop),
// request timings by route pattern, and the product's counters. Served by GET /metrics.
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

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

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** One series of the request histogram: counts per bucket (not cumulative), their sum and count. */
/** A line of the exposition, as prom-client's Registry reads it from a metric's get(). */
interface MetricValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

interface Series {
  labels: { method: string; route: string; status: string };
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * kepu_http_request_duration_seconds: a Prometheus histogram like prom-client's Histogram, in the
 * same exposition, but counted per request by one Map lookup on a string key and one bucket
 * increment. prom-client's observe checks and hashes the label object on every call, which
 * was a measurable part of serving a cached list; the label space here is small and fixed
 * (method, route pattern, status), so the series are kept by key and formatted at scrape time.
 */
class RequestHistogram {
  readonly name = 'kepu_http_request_duration_seconds';
  readonly help = 'HTTP requests by method, route pattern and status';
  readonly type = 'histogram' as const;
  /** For prom-client's cluster aggregation, as its own histograms declare. */
  readonly aggregator = 'sum' as const;
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.series.get(key);
    if (!series) {
      series = { labels: { method, route, status: String(status) }, buckets: REQUEST_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    const bucket = REQUEST_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) series.buckets[bucket]!++;
    series.sum += seconds;
    series.count++;
  }

  /** What prom-client's Registry formats (the shape its Histogram.get returns). */
  get() {
    const values: MetricValue[] = [];
    for (const { labels, buckets, sum, count } of this.series.values()) {
      let cumulative = 0;
      REQUEST_BUCKETS.forEach((bound, i) => {
        cumulative += buckets[i]!;
        values.push({ labels: { ...labels, le: bound }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { ...labels, le: '+Inf' }, value: count, metricName: `${this.name}_bucket` });
      values.push({ labels, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.series.clear();
  }
}

/** prom-client's Registry formats any object with a name and a get() like its own metrics'. */
function registered<T extends RequestHistogram>(registry: Registry, metric: T): T {
  registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
  return metric;
}

export class AppMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;

  private readonly requestDuration = registered(this.registry, new RequestHistogram());

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
    this.requestDuration.observe(KNOWN_METHODS.has(method) ? method : 'OTHER', route, status, seconds);
  }

  /** The text exposition of the process metrics and this app's. */
  async render(): Promise<string> {
    return (await processMetrics().metrics()) + (await this.registry.metrics());
  }
}
