// The deployment files (Dockerfile, docker-compose.yml, deploy/nginx.conf) cannot be
// built or started here (no Docker engine), so they are read and checked against the
// code they describe: a renamed environment variable, a moved build output or a
// proxy pointing at a service that is gone fails here instead of at someone's deploy.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const repoRoot = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

interface Healthcheck {
  test: string[] | string;
}
interface Service {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const serverNames = Object.keys(services).filter((name) => services[name]!.build !== undefined);

/** Every environment variable the server's code reads (config.ts, main.ts, the CLIs). */
function variablesTheServerReads(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const match of read(path).matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]!);
      }
    }
  };
  walk('server/src');
  return names;
}

/** The Dockerfile's instructions, continuation lines joined. */
function dockerInstructions(): { keyword: string; args: string }[] {
  return read('Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('docker-compose.yml', () => {
  it('runs MariaDB, Redis, a reverse proxy and at least two server containers built from this repo', () => {
    expect(services.mariadb?.image).toMatch(/^mariadb:/);
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.proxy?.image).toMatch(/^nginx:/);
    expect(serverNames.length).toBeGreaterThanOrEqual(2);
    for (const name of serverNames) expect(services[name]!.build).toBe('.');
  });

  it('gives every service a healthcheck, and starts servers only on a healthy database and Redis, the proxy only on healthy servers', () => {
    for (const [name, service] of Object.entries(services))
      expect({ name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
    for (const name of serverNames) {
      expect(services[name]!.depends_on).toEqual({ mariadb: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(Object.keys(services.proxy!.depends_on ?? {}).sort()).toEqual([...serverNames].sort());
  });

  it('sets only variables the server reads, and those a production start behind one proxy needs', () => {
    const known = variablesTheServerReads();
    for (const name of serverNames) {
      const env = services[name]!.environment ?? {};
      expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
      expect(env).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'wechat', TRUST_PROXY: '1', REDIS_URL: 'redis://redis:6379' });
      expect(env.DB_URL).toMatch(/^mysql:\/\/kepu:\$\{MARIADB_PASSWORD[^}]*\}@mariadb:3306\/kepu$/);
      expect(env.DB_URL).toContain(`/${services.mariadb!.environment!.MARIADB_DATABASE}`);
      expect(env.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
      expect(Number(env.WORKERS)).toBeGreaterThanOrEqual(1);
      // Longer than the server's drain on SIGTERM (SHUTDOWN_GRACE_MS in main.ts).
      const drainMs = Number(/SHUTDOWN_GRACE_MS = ([\d_]+)/.exec(read('server/src/main.ts'))![1]!.replace(/_/g, ''));
      expect(parseInt(services[name]!.stop_grace_period ?? '10s', 10) * 1000).toBeGreaterThan(drainMs);
    }
  });

  it('names every secret it requires in deploy/env.example', () => {
    const required = new Set([...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]!));
    const listed = new Set([...read('deploy/env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!));
    expect([...required].filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf');

  it('is the file the proxy mounts, and sends traffic to every server container on the port it listens on', () => {
    expect(services.proxy!.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream.sort()).toEqual(serverNames.map((name) => `${name}:${services[name]!.environment!.PORT}`).sort());
    expect(nginx).toMatch(/proxy_pass\s+http:\/\/kepu;/);
  });

  it('passes the client address in X-Forwarded-For (one hop, as TRUST_PROXY=1 counts) and leaves compression to the server', () => {
    expect(nginx).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
    expect(nginx).toMatch(/^\s*gzip\s+off;/m);
  });
});

describe('Dockerfile', () => {
  const instructions = dockerInstructions();
  const stages = instructions.filter((i) => i.keyword === 'FROM');
  const runtime = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]!));

  it('builds on Node 22 and runs as a non-root user in production mode, with the CJK fonts the certificate needs', () => {
    for (const stage of stages) expect(stage.args).toMatch(/^node:22[-.\w]*( AS \w+)?$/i);
    expect(runtime.find((i) => i.keyword === 'USER')?.args).toBe('node');
    expect(runtime.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
    expect(runtime.some((i) => i.keyword === 'RUN' && i.args.includes('fonts-noto-cjk'))).toBe(true);
    expect(read('server/src/modules/volunteers/certificate.ts')).toContain('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  });

  it('checks its health on /healthz, a route the server has', () => {
    expect(runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/healthz');
    expect(read('server/src/modules/health/health.routes.ts')).toContain("path: '/healthz'");
  });

  it('copies paths that exist (and are not docker-ignored), runs scripts that exist, and starts the file the build writes', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const { keyword, args } of instructions) {
      if (keyword === 'COPY' && !args.startsWith('--from=')) {
        const sources = args.split(/\s+/).slice(0, -1);
        for (const source of sources) {
          expect({ source, exists: existsSync(join(repoRoot, source)) }).toEqual({ source, exists: true });
          expect(ignored.filter((pattern) => pattern.replace(/^\*\*\//, '') === source.replace(/\/$/, ''))).toEqual([]);
        }
      }
      if (keyword === 'RUN') for (const [, script] of args.matchAll(/npm run ([\w:-]+)/g)) expect(scripts[script!]).toBeDefined();
    }
    // What the runtime stage copies out of the build stage is what those builds write.
    const fromBuild = runtime.filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from=build')).map((i) => i.args.split(/\s+/)[1]);
    expect(fromBuild.sort()).toEqual(['/app/miniapp/dist/h5', '/app/server/dist', '/app/shared/dist']);
    expect(JSON.parse(read('server/tsconfig.json')).compilerOptions.outDir).toBe('dist');
    expect(JSON.parse(read('shared/tsconfig.json')).compilerOptions.outDir).toBe('dist');
    expect(read('miniapp/config/index.ts')).toContain('outputRoot: `dist/${platform}`');
    expect(statSync(join(repoRoot, 'seeds')).isDirectory()).toBe(true);
    expect(runtime.find((i) => i.keyword === 'CMD')?.args).toBe('["node", "server/dist/main.js", "--no-demo"]');
    expect(existsSync(join(repoRoot, 'server/src/main.ts'))).toBe(true);
  });
});
