// A long plan is parsed off the main thread: while an admin's import of a
// 300,000-character text is being parsed, the built server keeps answering
// health checks. Compared as a ratio in the same run (the slowest health
// check against the import's own duration), never as an absolute time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../api/harness';
import { ensureBuilt, startServerProcess, stopServerProcess, type ServerProcess } from './processes';

jest.setTimeout(120_000);

describe('importing a long plan', () => {
  let dir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kepu-offthread-'));
  });
  afterAll(async () => {
    await stopServerProcess(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('when a 300,000-character plan is being parsed, health checks are still answered in a small part of that time', async () => {
    server = await startServerProcess(`sqlite:${join(dir, 'kepu.sqlite')}`);
    const api = apiClient(server.url);
    const { token } = await api.login('demo-admin');
    // Many short lines: the slowest shape for the parser, about half a second of CPU.
    const text = `2024年某某市全民科学素质行动工作要点\n一、任务\n1.开展${'，\n'.repeat(150_000)}`;

    const started = performance.now();
    let importing = true;
    const imported = api.post('/api/v1/plans/import?dryRun=1', { text, city: '某某市', year: 2024 }, token).finally(() => {
      importing = false;
    });
    const healthLatencies: number[] = [];
    while (importing) {
      const asked = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      await res.arrayBuffer();
      healthLatencies.push(performance.now() - asked);
    }
    const importMs = performance.now() - started;

    expect((await imported).status).toBe(200);
    expect(healthLatencies.length).toBeGreaterThan(3);
    expect(Math.max(...healthLatencies)).toBeLessThan(importMs / 3);
  });
});
