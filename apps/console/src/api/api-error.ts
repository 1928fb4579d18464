// The api's one error shape ({ statusCode, error, message, code?, details? }) as a thrown value.
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiError {
    const b = (body ?? {}) as { message?: unknown; code?: string; details?: FieldProblem[] };
    const message = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : `HTTP ${status}`;
    return new ApiError(status, message, b.code, b.details ?? []);
  }

  /** One line for a toast or an alert: the message and the fields it names. */
  describe(): string {
    return this.details.length ? `${this.message}: ${this.details.map((d) => `${d.field} ${d.reason}`).join(', ')}` : this.message;
  }
}
