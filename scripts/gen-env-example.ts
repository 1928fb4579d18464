// Writes .env.example and the configuration table of docs/configuration.md from CONFIG_VARS.
// Usage: npx ts-node --transpile-only -r tsconfig-paths/register scripts/gen-env-example.ts [--check]
// --check exits 1 when either file on disk differs (for CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvExample, replaceConfigTable } from '../libs/core/src/config/config-docs';

const root = join(__dirname, '..');
const envExample = join(root, '.env.example');
const configDoc = join(root, 'docs', 'configuration.md');

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

const wanted: [string, string][] = [
  [envExample, renderEnvExample()],
  [configDoc, replaceConfigTable(read(configDoc))],
];

if (process.argv.includes('--check')) {
  const stale = wanted.filter(([file, text]) => read(file) !== text).map(([file]) => file);
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')}; run scripts/gen-env-example.ts`);
    process.exit(1);
  }
  console.log('.env.example and docs/configuration.md are up to date');
} else {
  for (const [file, text] of wanted) {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
