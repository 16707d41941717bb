#!/usr/bin/env node
// Image build step: deletes from node_modules every package the services do not load at run time, i.e. keeps the
// production dependencies plus the TypeScript loader the services run with (@swc-node/register, @swc/core and what
// they need, natives included), following package-lock.json the way Node resolves (nested node_modules first).
// `node runtime-deps.js --list` prints what it would keep and deletes nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = process.cwd();
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const LOADER = ['@swc-node/register', '@swc/core'];

/** The lockfile path a package at `from` gets for `name`: its own node_modules, then each parent's, then the root's. */
function resolve(from, name) {
  for (let dir = from; ; ) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (!dir) return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

const keep = new Set();
const queue = [...Object.keys(manifest.dependencies ?? {}), ...LOADER].map((name) => resolve('', name));
while (queue.length > 0) {
  const at = queue.shift();
  if (!at || keep.has(at)) continue;
  const entry = lock[at];
  // Optional dependencies (native binaries of other platforms) count only when installed here.
  if (entry.optional && !fs.existsSync(path.join(root, at))) continue;
  keep.add(at);
  const names = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
  for (const name of Object.keys(names)) queue.push(resolve(at, name));
}

if (process.argv.includes('--list')) {
  process.stdout.write([...keep].sort().join('\n') + '\n');
  process.exit(0);
}
let removed = 0;
for (const at of Object.keys(lock)) {
  if (!at.startsWith('node_modules/') || keep.has(at)) continue;
  // Only top-most packages are deleted; one inside a kept package that it does not need goes too.
  const full = path.join(root, at);
  if (fs.existsSync(full)) {
    fs.rmSync(full, { recursive: true, force: true });
    removed++;
  }
}
process.stderr.write(`runtime dependencies: kept ${keep.size} packages, removed ${removed}\n`);
