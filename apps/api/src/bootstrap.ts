import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, createValidationPipe } from '@app/core';
import { AppModule } from './app.module';
import { serveConsole } from './console-static';

export const API_PREFIX = 'api/v1';

/** Builds the api application (used by main.ts and by the tests, which pass their own config). */
export async function createApiApp(config?: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  const cfg = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  serveConsole(app);
  app.enableCors({ origin: cfg.http.corsOrigins.includes('*') ? true : cfg.http.corsOrigins });
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Smart community API')
    .setDescription('Residents, staff, gates, tickets and speakers of a smart residential community.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
