#!/usr/bin/env node
// `npm start`: builds what is not built yet (shared, server, the H5 app),
// then runs the server on the embedded SQLite database. Arguments pass on.
const { execSync, spawn } = require('node:child_process');
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function stale(sourceDir, builtFile) {
  return !existsSync(builtFile) || statSync(builtFile).mtimeMs < newestMtime(sourceDir);
}

function run(command) {
  console.log(`[kepu] ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

if (stale(join(root, 'shared/src'), join(root, 'shared/dist/index.js')) || stale(join(root, 'server/src'), join(root, 'server/dist/main.js'))) {
  run('npm run build');
}
const h5Index = join(root, 'miniapp/dist/h5/index.html');
if (existsSync(join(root, 'miniapp/config')) && stale(join(root, 'miniapp/src'), h5Index)) {
  run('npm run build:h5 -w miniapp');
}

// MALLOC_ARENA_MAX=2 (unless set): glibc's per-thread malloc arenas otherwise leave RSS well above live memory.
const server = spawn(process.execPath, [join(root, 'server/dist/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { MALLOC_ARENA_MAX: '2', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
