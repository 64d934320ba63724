// The H5 build as the server hands it out: hashed bundles cached for a year,
// index.html revalidated every time, 304 on a matching validator, and text
// compressed once for clients that accept it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Koa from 'koa';
import { serveH5 } from './static';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving the H5 build', () => {
  const root = mkdtempSync(join(tmpdir(), 'kepu-h5-'));
  const bundle = `console.log("科普汇");\n`.repeat(200);
  let server: Server;
  let base: string;
  beforeAll(async () => {
    mkdirSync(join(root, 'js'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><script src="js/app.1a2b3c4d.js"></script>');
    writeFileSync(join(root, 'js', 'app.1a2b3c4d.js'), bundle);
    writeFileSync(join(root, 'favicon.png'), Buffer.alloc(2000, 1));
    const app = new Koa();
    app.use(serveH5(root));
    app.use((ctx) => {
      ctx.status = 404;
      ctx.body = 'not found';
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('when a hashed bundle is asked for, it is cached for a year as immutable, and gzipped for a client that accepts it', async () => {
    const res = await get(`${base}/js/app.1a2b3c4d.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString('utf8')).toBe(bundle);
    const plain = await get(`${base}/js/app.1a2b3c4d.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(bundle);
  });

  it('when index.html is asked for, it must be revalidated, and a matching ETag or date answers 304', async () => {
    const res = await get(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString('utf8')).toContain('app.1a2b3c4d.js');
    expect((await get(`${base}/`, { 'if-none-match': String(res.headers.etag) })).status).toBe(304);
    expect((await get(`${base}/`, { 'if-modified-since': String(res.headers['last-modified']) })).status).toBe(304);
    expect((await get(`${base}/`, { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status).toBe(200);
  });

  it('sends images as they are, and nothing outside the build or hidden', async () => {
    const image = await get(`${base}/favicon.png`, { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['cache-control']).toBe('public, max-age=3600');
    expect((await get(`${base}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await get(`${base}/.env`)).status).toBe(404);
    expect((await get(`${base}/%E0%A4%A`)).status).toBe(404);
  });
});
