#!/usr/bin/env node
// Starts the device simulator in docker compose. The simulator needs `--site <uuid>`, but the demo
// site's id is random (made by the api's seed at first start), so this looks it up by code through
// the api, then runs dist/devices-sim/src/cli.js with the same arguments plus `--site`.
//   node deploy/sim-start.js --api http://api:3000 --login admin@demo.community [other sim options]
// Environment: SIM_ADMIN_PASSWORD (the admin's password, also read by the sim), SIM_SITE_CODE
// (default "demo"), SIM_SITE_WAIT_S (how long to wait for the seeded site, default 120).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const CLI = path.join(__dirname, '..', 'dist', 'devices-sim', 'src', 'cli.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};

async function json(url, init) {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init && init.headers) } });
  if (!res.ok) throw new Error(`${init && init.method ? init.method : 'GET'} ${url}: HTTP ${res.status}`);
  return res.json();
}

async function findSiteId(api, login, password, code) {
  const { accessToken } = await json(`${api}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ login, password }) });
  let cursor;
  do {
    const q = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const page = await json(`${api}/api/v1/sites?${q}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const site = page.items.find((s) => s.code === code);
    if (site) return site.id;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

async function main() {
  let siteArgs = [];
  if (opt('site') === undefined && opt('credentials') === undefined) {
    const api = opt('api', 'http://127.0.0.1:3000');
    const code = process.env.SIM_SITE_CODE || 'demo';
    const deadline = Date.now() + Number(process.env.SIM_SITE_WAIT_S || 120) * 1000;
    let siteId;
    // The api may report healthy a little before its seed has committed: retry until the deadline.
    for (;;) {
      try {
        siteId = await findSiteId(api, opt('login', 'admin'), opt('password', process.env.SIM_ADMIN_PASSWORD), code);
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
      if (siteId || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    if (!siteId) throw new Error(`no site with code "${code}" at ${api} (is DEMO_SEED=true on the api?)`);
    console.log(`sim-start: site "${code}" is ${siteId}`);
    siteArgs = ['--site', siteId];
  }
  const child = spawn(process.execPath, [CLI, ...args, ...siteArgs], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`sim-start: ${err.message}`);
  process.exit(1);
});
