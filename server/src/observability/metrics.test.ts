// Request timings: a Prometheus histogram by method, route pattern and status.
import { AppMetrics } from './metrics';

function line(text: string, name: string, labels: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return found === undefined ? undefined : Number(found.split(' ').pop());
}

describe('request timings', () => {
  it('when requests are timed, each route and status has cumulative buckets, a sum and a count; an unknown method is OTHER', async () => {
    const metrics = new AppMetrics();
    metrics.observeRequest('GET', '/api/v1/events', 200, 0.003);
    metrics.observeRequest('GET', '/api/v1/events', 200, 0.03);
    metrics.observeRequest('GET', '/api/v1/events', 304, 0.001);
    metrics.observeRequest('PROPFIND', '(unmatched)', 405, 7);
    const text = await metrics.render();
    expect(text).toContain('# TYPE kepu_http_request_duration_seconds histogram');
    const labels = 'method="GET",route="/api/v1/events",status="200"';
    const name = 'kepu_http_request_duration_seconds';
    expect(line(text, `${name}_bucket`, `${labels},le="0.005"`)).toBe(1);
    expect(line(text, `${name}_bucket`, `${labels},le="0.025"`)).toBe(1);
    expect(line(text, `${name}_bucket`, `${labels},le="0.05"`)).toBe(2);
    expect(line(text, `${name}_bucket`, `${labels},le="+Inf"`)).toBe(2);
    expect(line(text, `${name}_sum`, labels)).toBeCloseTo(0.033);
    expect(line(text, `${name}_count`, labels)).toBe(2);
    expect(line(text, `${name}_count`, 'method="GET",route="/api/v1/events",status="304"')).toBe(1);
    expect(line(text, `${name}_bucket`, 'method="OTHER",route="(unmatched)",status="405",le="5"')).toBe(0);
    expect(line(text, `${name}_count`, 'method="OTHER",route="(unmatched)",status="405"')).toBe(1);
  });
});
