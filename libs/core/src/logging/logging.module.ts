import { Global, Module } from '@nestjs/common';
import { ClsModule, ClsService, ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const CORRELATION_HEADER = 'x-request-id';

/** Keys that must never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.secret',
  '*.refreshToken',
  '*.accessToken',
  '*.embedding',
  '*.template',
  '*.token',
];

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the caller's id when it is safe, else makes one; stored back on the request so the CLS
 * middleware and pino-http (whichever runs first) agree on the same id. */
export function correlationIdFrom(req: IncomingMessage): string {
  const h = req.headers[CORRELATION_HEADER];
  const v = Array.isArray(h) ? h[0] : h;
  const id = v && SAFE_ID.test(v) ? v : randomUUID();
  req.headers[CORRELATION_HEADER] = id;
  return id;
}

/** The correlation id of the current request, job or device event (undefined outside any). */
export function currentCorrelationId(): string | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.getId() : undefined;
}

@Global()
@Module({
  imports: [
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        idGenerator: (req: IncomingMessage) => correlationIdFrom(req),
        // Echo the id so a client can quote it when reporting a problem.
        setup: (cls, _req, res: ServerResponse) => void res.setHeader(CORRELATION_HEADER, cls.getId()),
      },
    }),
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, ClsService],
      useFactory: (config: AppConfig, cls: ClsService) => ({
        pinoHttp: {
          level: config.log.level,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => correlationIdFrom(req),
          customProps: () => ({ instance: config.instanceId }),
          mixin: () => (cls.isActive() && cls.getId() ? { correlationId: cls.getId() } : {}),
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          },
          transport: config.log.pretty ? { target: 'pino/file', options: { destination: 1 } } : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
