// Brings the server build and the H5 build up to date before the browser
// suites run (jest globalSetup of the e2e project). Builds only what is stale,
// so a second run starts straight away.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const h5Dir = join(repoRoot, 'miniapp', 'dist', 'h5');
export const serverMain = join(repoRoot, 'server', 'dist', 'main.js');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale(builtFile: string, sources: string[]): boolean {
  if (!existsSync(builtFile)) return true;
  const built = statSync(builtFile).mtimeMs;
  return sources.some((source) => newestMtime(join(repoRoot, source)) > built);
}

function run(command: string): void {
  console.log(`[e2e] ${command}`);
  // jest sets NODE_ENV=test, which would make Taro emit a development bundle.
  execSync(command, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export default function ensureBuilt(): void {
  if (isStale(serverMain, ['shared/src', 'server/src'])) run('npm run build');
  if (isStale(join(h5Dir, 'index.html'), ['shared/src', 'miniapp/src', 'miniapp/config'])) run('npm run build:h5');
}
