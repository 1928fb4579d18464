import 'reflect-metadata';
import { configFromEnvironment, ConfigValidationError } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnvironment();
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
}

void main();
