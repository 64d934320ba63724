// SIGTERM while requests are in flight (a deploy, a scale-down): the process
// stops accepting, finishes every request it has started, then exits 0; with
// WORKERS=2, the primary passes the signal to both workers, each drains, and
// the primary exits after them. Each request here is held open by a slowly
// sent body, so it is surely in flight when the signal arrives.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../api/harness';
import { ensureBuilt, isRunning, startServerProcess, stopServerProcess, waitForOutput, type ServerProcess } from './processes';

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

/** Six plan imports whose bodies are half sent, SIGTERM to the server, then the rest of each body: what each got, and how the process ended. */
async function sigtermDuringSixImports(server: ServerProcess): Promise<{ answers: number[]; exitCode: number | null }> {
  const { token } = await apiClient(server.url).login('demo-admin');
  const text = readFileSync(join(__dirname, '../../seeds/liuzhou-2022.txt'), 'utf8');
  const inFlight = Array.from({ length: 6 }, () => slowImport(server.url, token, text));
  await sleep(300);
  const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  await sleep(300);
  for (const call of inFlight) call.sendRest();
  return { answers: await Promise.all(inFlight.map((call) => call.answered)), exitCode: await exited };
}

const WORKER_LISTENING = /worker (\d+) \(pid (\d+)\) listening/;

describe('graceful shutdown', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  const started: ServerProcess[] = [];
  const start = async (file: string, env: Record<string, string> = {}) => {
    const proc = await startServerProcess(`sqlite:${join(dir, file)}`, env);
    started.push(proc);
    return proc;
  };

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kepu-shutdown-'));
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => stopServerProcess(s)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('when SIGTERM arrives during six requests, all six are answered and the process exits 0', async () => {
    server = await start('kepu.sqlite');
    const { answers, exitCode } = await sigtermDuringSixImports(server);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect(exitCode).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('with WORKERS=2, when SIGTERM reaches the primary during six requests, every request is answered and every process exits', async () => {
    server = await start('workers.sqlite', { WORKERS: '2', LOG_LEVEL: 'info' }); // the supervisor reports its workers at info
    const workers = (await waitForOutput(server, WORKER_LISTENING, 2)).map((m) => Number(m[2]));
    // The primary deals connections to the workers in turn, so each holds some of the six.
    const { answers, exitCode } = await sigtermDuringSixImports(server);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect(exitCode).toBe(0);
    expect(server.output.join('')).toMatch(/worker \d+ \(pid \d+\) stopped \(code 0\)[\s\S]*worker \d+ \(pid \d+\) stopped \(code 0\)/);
    expect(workers.filter(isRunning)).toEqual([]);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('with WORKERS=2, a worker that dies is replaced and the port keeps answering', async () => {
    server = await start('replace.sqlite', { WORKERS: '2', LOG_LEVEL: 'info' });
    const [first] = (await waitForOutput(server, WORKER_LISTENING, 2)).map((m) => Number(m[2]));
    process.kill(first!, 'SIGKILL');

    const listening = await waitForOutput(server, WORKER_LISTENING, 3);
    expect(server.output.join('')).toContain(`(pid ${first}) died (signal SIGKILL)`);
    const replacement = Number(listening[2]![2]);
    expect(replacement).not.toBe(first);
    expect(isRunning(replacement)).toBe(true);
    for (let i = 0; i < 4; i++) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await stopServerProcess(server);
    expect(server.child.exitCode).toBe(0);
  });
});
