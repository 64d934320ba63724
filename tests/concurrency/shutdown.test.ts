// SIGTERM while requests are in flight (a deploy, a scale-down): the process
// stops accepting, finishes every request it has started, then exits 0.
// Each request here is held open by a slowly sent body, so it is surely in
// flight when the signal arrives.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../api/harness';
import { ensureBuilt, startServerProcess, stopServerProcess, type ServerProcess } from './processes';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a plan dry-run whose body arrives in two halves; resolves with the status once answered. */
function slowImport(url: string, token: string, text: string): { sendRest: () => void; answered: Promise<number> } {
  const body = Buffer.from(JSON.stringify({ text }));
  const half = Math.floor(body.length / 2);
  const req = request(`${url}/api/v1/plans/import?dryRun=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, half));
  return { sendRest: () => req.end(body.subarray(half)), answered };
}

describe('graceful shutdown', () => {
  let dir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kepu-shutdown-'));
  });
  afterAll(async () => {
    await stopServerProcess(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('when SIGTERM arrives during six requests, all six are answered and the process exits 0', async () => {
    server = await startServerProcess(`sqlite:${join(dir, 'kepu.sqlite')}`);
    const { token } = await apiClient(server.url).login('demo-admin');
    const text = readFileSync(join(__dirname, '../../seeds/liuzhou-2022.txt'), 'utf8');

    const inFlight = Array.from({ length: 6 }, () => slowImport(server!.url, token, text));
    await sleep(300);
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    await sleep(300);
    for (const call of inFlight) call.sendRest();

    expect(await Promise.all(inFlight.map((call) => call.answered))).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
