#!/usr/bin/env node
// Prints what the builds weigh: the weapp main package and each subpackage
// (WeChat caps each at 2 MB; we hold the main package under 1 MB, so this exits 1
// above that), and the H5 bundle with what the first page load fetches.
// Run after `npm run build:weapp` / `npm run build:h5`; a missing build is reported, not fatal.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.join(__dirname, '..', 'dist');
const MAIN_LIMIT = 1024 * 1024;

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const sizeOf = (files) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label, value, note = '') => console.log(`  ${label.padEnd(34)}${value.padStart(12)}${note ? `  ${note}` : ''}`);

function reportWeapp() {
  const root = path.join(dist, 'weapp');
  const appJson = path.join(root, 'app.json');
  if (!fs.existsSync(appJson)) {
    console.log('weapp: no build (run npm run build:weapp)');
    return true;
  }
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'));
  const roots = (app.subPackages || app.subpackages || []).map((pkg) => pkg.root.replace(/\/$/, ''));
  const all = filesUnder(root);
  const rel = (file) => path.relative(root, file).split(path.sep).join('/');
  const inRoot = (file, pkgRoot) => rel(file).startsWith(`${pkgRoot}/`);
  const main = all.filter((file) => !roots.some((pkgRoot) => inRoot(file, pkgRoot)));
  const mainSize = sizeOf(main);
  console.log('weapp (dist/weapp)');
  row('main package', kb(mainSize), mainSize < MAIN_LIMIT ? `ok, limit ${kb(MAIN_LIMIT)}` : `OVER ${kb(MAIN_LIMIT)}`);
  for (const pkgRoot of roots) row(`subpackage ${pkgRoot}`, kb(sizeOf(all.filter((file) => inRoot(file, pkgRoot)))));
  row('total', kb(sizeOf(all)));
  const biggest = main
    .map((file) => ({ file: rel(file), size: fs.statSync(file).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 5);
  console.log('  largest main-package files:');
  for (const { file, size } of biggest) row(`  ${file}`, kb(size));
  return mainSize < MAIN_LIMIT;
}

function reportH5() {
  const root = path.join(dist, 'h5');
  const indexHtml = path.join(root, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    console.log('h5: no build (run npm run build:h5)');
    return;
  }
  const all = filesUnder(root).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'));
  const html = fs.readFileSync(indexHtml, 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => path.join(root, match[1])).filter((file) => fs.existsSync(file));
  const gzip = (files) => files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
  console.log('h5 (dist/h5)');
  row('first load (index.html entry)', kb(sizeOf(initial)), `${kb(gzip(initial))} gzipped`);
  row('whole bundle (js + css + html)', kb(sizeOf(all)), `${kb(gzip(all))} gzipped`);
}

const weappOk = reportWeapp();
console.log('');
reportH5();
process.exitCode = weappOk ? 0 : 1;
