// `npm run console:api-types`: boots the api in-process (local Postgres/Redis/Mosquitto, as `npm start`),
// reads its OpenAPI document and writes the console's REST types.
// `--from <file> --check`: compares against a saved document instead and exits 1 when the committed
// file is stale (test/console-api-types.int-spec.ts runs it so: openapi-typescript loads ESM-only
// packages that jest cannot require).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { configOrExit, ensureDatabaseExists } from '@app/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { CONSOLE_API_TYPES_FILE, renderConsoleApiTypes } from './console-api-types';

async function documentFromApi(): Promise<object> {
  const config = configOrExit('api');
  await ensureDatabaseExists(config.database.url);
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = app.getHttpServer().address() as AddressInfo;
    return (await (await fetch(`http://127.0.0.1:${port}/api/docs-json`)).json()) as object;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const from = process.argv.indexOf('--from');
  const doc = from > 0 ? (JSON.parse(readFileSync(process.argv[from + 1], 'utf8')) as object) : await documentFromApi();
  const wanted = await renderConsoleApiTypes(doc);
  if (process.argv.includes('--check')) {
    if (readFileSync(CONSOLE_API_TYPES_FILE, 'utf8') !== wanted) {
      process.stderr.write(`${CONSOLE_API_TYPES_FILE} is stale: run \`npm run console:api-types\`\n`);
      process.exit(1);
    }
    process.stdout.write('console REST types are up to date\n');
    return;
  }
  writeFileSync(CONSOLE_API_TYPES_FILE, wanted);
  process.stdout.write(`wrote ${CONSOLE_API_TYPES_FILE}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
