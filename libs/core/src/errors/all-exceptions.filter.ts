import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_KIND_STATUS } from './domain-error';
import { ErrorBody, statusText } from './error-body';

/** Maps every error to `{ statusCode, error, message, details? }`; unknown errors become a logged 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const { body, retryAfter } = toErrorBody(exception, this.logger);
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(body.statusCode).json(body);
  }
}

export function toErrorBody(exception: unknown, logger: Logger): { body: ErrorBody; retryAfter?: number } {
  if (exception instanceof DomainError) {
    const statusCode = ERROR_KIND_STATUS[exception.kind];
    return {
      body: { statusCode, error: statusText(statusCode), code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) },
      retryAfter: exception.retryAfterSeconds,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const r = exception.getResponse();
    let message = exception.message;
    let details: unknown;
    if (typeof r === 'object' && r !== null) {
      const o = r as Record<string, unknown>;
      if (typeof o.message === 'string') message = o.message;
      else if (Array.isArray(o.message)) message = o.message.join('; ');
      if (o.details !== undefined) details = o.details;
    }
    if (statusCode >= 500) logger.error({ err: exception }, 'HTTP exception');
    const retry = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
    return { body: { statusCode, error: statusText(statusCode), message, ...(details !== undefined ? { details } : {}) }, retryAfter: retry };
  }
  // Unique violations that slipped past service checks are a conflict, not a crash.
  if (exception instanceof QueryFailedError && (exception as unknown as { code?: string }).code === '23505') {
    return { body: { statusCode: 409, error: statusText(409), code: 'ALREADY_EXISTS', message: 'A record with these values already exists' } };
  }
  if (isBodyParserError(exception)) {
    const status = (exception as { status: number }).status;
    return { body: { statusCode: status, error: statusText(status), message: status === 413 ? 'Request body too large' : 'Request body is not valid JSON' } };
  }
  logger.error({ err: exception }, 'Unhandled error');
  return { body: { statusCode: 500, error: statusText(500), message: 'Internal server error' } };
}

function isBodyParserError(e: unknown): boolean {
  const t = (e as { type?: string } | null)?.type;
  return typeof t === 'string' && (t === 'entity.parse.failed' || t === 'entity.too.large' || t === 'encoding.unsupported');
}
