// Writes docs/asyncapi.yaml from the TypeBox schemas in libs/contracts.
// Usage: npx ts-node --transpile-only -r tsconfig-paths/register scripts/gen-asyncapi.ts [--check]
// --check exits 1 when the file on disk differs (for CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiYaml } from '../libs/contracts/src/device/render-asyncapi-yaml';

const target = join(__dirname, '..', 'docs', 'asyncapi.yaml');
const rendered = renderAsyncApiYaml();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing file counts as out of date
  }
  if (current !== rendered) {
    console.error(`${target} is out of date; run scripts/gen-asyncapi.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
