import 'reflect-metadata';
import { configOrExit } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = configOrExit('api');
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
}

void main();
