// One error class for every module. The code picks the HTTP status (and websocket error) in the global
// filter, so services never import HTTP exceptions.

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unavailable';

export const ERROR_KIND_STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many_requests: 429,
  unavailable: 503,
};

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    /** Stable machine-readable code, e.g. `TICKET_ILLEGAL_TRANSITION`. */
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown> | FieldProblem[],
    /** Seconds a client should wait (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError(`${what.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`, 'not_found', id ? `${what} ${id} not found` : `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('FORBIDDEN', 'forbidden', message);
  }

  static badRequest(message: string, details?: FieldProblem[]): DomainError {
    return new DomainError('VALIDATION_FAILED', 'bad_request', message, details);
  }
}
