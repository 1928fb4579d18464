import { DomainError, TokenService } from '@app/core';
import type { RealtimeErrorCode } from '@app/contracts/realtime';
import type { RealtimeSocket } from './realtime-socket';

/** The error a refused client sees in `connect_error`: `err.message`, and `err.data.code`. */
export type HandshakeError = Error & { data: { code: RealtimeErrorCode } };

function refusal(code: RealtimeErrorCode, message: string): HandshakeError {
  const err = new Error(message) as HandshakeError;
  err.data = { code };
  return err;
}

/** The access token from `auth: { token }`, or a bearer Authorization header (non-browser clients). */
export function tokenFromHandshake(handshake: { auth?: unknown; headers?: Record<string, string | string[] | undefined> }): string | undefined {
  const auth = handshake.auth as { token?: unknown } | undefined;
  if (auth && typeof auth.token === 'string' && auth.token.trim() !== '') return auth.token.trim();
  const header = handshake.headers?.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1] : undefined;
}

/**
 * socket.io middleware: the same access token as REST, checked before the connection exists.
 * A refused client gets `connect_error` with a code it can act on (TOKEN_EXPIRED → refresh and retry).
 */
export function socketAuthMiddleware(tokens: TokenService, onRefused: (code: RealtimeErrorCode) => void) {
  return (socket: RealtimeSocket, next: (err?: Error) => void): void => {
    const refuse = (code: RealtimeErrorCode, message: string) => {
      onRefused(code);
      next(refusal(code, message));
    };
    const token = tokenFromHandshake(socket.handshake);
    if (!token) return refuse('TOKEN_MISSING', 'An access token is required: connect with auth: { token }');
    try {
      const { principal, expiresAt } = tokens.verifyAccess(token);
      socket.data = { principal, expiresAt: expiresAt.toISOString() };
      next();
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'TOKEN_EXPIRED' || err.code === 'TOKEN_INVALID')) return refuse(err.code, err.message);
      refuse('TOKEN_INVALID', 'Access token invalid');
    }
  };
}
