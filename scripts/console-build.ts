// Builds the web console (apps/console → apps/console/dist) when the build is missing or older than
// any of its sources; used by `npm start` and by the browser tests' global setup.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CONSOLE = path.join(ROOT, 'apps/console');
const BUILT = path.join(CONSOLE, 'dist/index.html');
/** What the bundle is made of: the app and the realtime contract it imports at run time. */
const SOURCES = [path.join(CONSOLE, 'src'), path.join(CONSOLE, 'index.html'), path.join(CONSOLE, 'vite.config.mts'), path.join(ROOT, 'libs/contracts/src/realtime'), path.join(ROOT, 'package-lock.json')];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), 0);
}

export function consoleBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Builds when stale; returns whether it built. Vite's output goes to this process's stderr. */
export function ensureConsoleBuilt(): boolean {
  if (!consoleBuildIsStale()) return false;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(CONSOLE, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return true;
}
