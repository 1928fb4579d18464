import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configOrExit } from '@app/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = configOrExit('worker');
  // Application context only: no HTTP server. Shutdown hooks close the BullMQ workers, which wait
  // for their active jobs to finish (drain) before the process exits.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.get(Logger).log(`worker ${config.instanceId} started`);
}

void main();
