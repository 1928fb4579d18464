#!/usr/bin/env node
// tsc leaves the `@app/*` path aliases of tsconfig.json in the compiled require() calls. Linking
// each alias as dist/node_modules/<alias> -> its compiled directory lets plain `node dist/...`
// resolve them with Node's own lookup: no runtime dependency (tsconfig-paths is a dev tool).
//   node deploy/link-path-aliases.js [distDir=dist] [tsconfig=tsconfig.json]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const distDir = path.resolve(process.argv[2] || 'dist');
const tsconfigPath = path.resolve(process.argv[3] || 'tsconfig.json');
const { compilerOptions } = JSON.parse(fs.readFileSync(tsconfigPath, 'utf8'));
const baseUrl = path.resolve(path.dirname(tsconfigPath), compilerOptions.baseUrl || '.');

let linked = 0;
for (const [alias, targets] of Object.entries(compilerOptions.paths || {})) {
  // `@app/core/*` needs no link of its own: Node resolves sub-paths through the `@app/core` link.
  if (alias.includes('*')) continue;
  const compiled = path.join(distDir, path.relative(baseUrl, path.resolve(baseUrl, targets[0])));
  if (!fs.existsSync(compiled)) {
    process.stderr.write(`skip ${alias}: ${path.relative(process.cwd(), compiled)} was not built\n`);
    continue;
  }
  const link = path.join(distDir, 'node_modules', alias);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true, recursive: true });
  fs.symlinkSync(path.relative(path.dirname(link), compiled), link, 'dir');
  linked += 1;
}
process.stdout.write(`linked ${linked} path aliases under ${path.join(distDir, 'node_modules')}\n`);
