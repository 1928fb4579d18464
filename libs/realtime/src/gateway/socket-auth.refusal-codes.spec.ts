import { JwtService } from '@nestjs/jwt';
import { loadConfig, Principal, TokenService } from '@app/core';
import type { RealtimeSocket } from './realtime-socket';
import { HandshakeError, socketAuthMiddleware, tokenFromHandshake } from './socket-auth';

const config = loadConfig({ NODE_ENV: 'test' });
const tokens = new TokenService(config);
const staff: Principal = { accountId: 'acc-1', role: 'staff', staffId: 'st-1', siteIds: ['site-1'], unitIds: [] };

function handshake(auth: unknown, headers: Record<string, string> = {}): { socket: RealtimeSocket; result: Promise<HandshakeError | undefined>; refused: string[] } {
  const socket = { handshake: { auth, headers }, data: undefined } as unknown as RealtimeSocket;
  const refused: string[] = [];
  const result = new Promise<HandshakeError | undefined>((resolve) => socketAuthMiddleware(tokens, (code) => refused.push(code))(socket, (err) => resolve(err as HandshakeError | undefined)));
  return { socket, result, refused };
}

describe('socket handshake auth', () => {
  it('accepts a valid access token and keeps the principal and expiry on the socket', async () => {
    const { token, expiresAt } = tokens.signAccess(staff);
    const h = handshake({ token });
    expect(await h.result).toBeUndefined();
    expect(h.socket.data.principal).toMatchObject({ accountId: 'acc-1', role: 'staff', siteIds: ['site-1'] });
    expect(Math.abs(new Date(h.socket.data.expiresAt).getTime() - expiresAt.getTime())).toBeLessThan(2000);
    expect(h.refused).toEqual([]);
  });

  it('refuses a missing token with TOKEN_MISSING', async () => {
    for (const auth of [undefined, {}, { token: '' }, { token: 42 }]) {
      const h = handshake(auth);
      const err = await h.result;
      expect(err?.data).toEqual({ code: 'TOKEN_MISSING' });
      expect(err?.message).toContain('auth: { token }');
      expect(h.refused).toEqual(['TOKEN_MISSING']);
    }
  });

  it('refuses a forged, a malformed and an expired token with their own codes', async () => {
    const forged = new JwtService({}).sign({ sub: 'acc-1', role: 'admin', sites: [], units: [], typ: 'access' }, { secret: 'x'.repeat(40), expiresIn: 60 });
    expect((await handshake({ token: forged }).result)?.data.code).toBe('TOKEN_INVALID');
    expect((await handshake({ token: 'garbage' }).result)?.data.code).toBe('TOKEN_INVALID');
    const expired = new JwtService({}).sign({ sub: 'acc-1', role: 'staff', sites: [], units: [], typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 }, { secret: config.auth.accessSecret });
    const err = await handshake({ token: expired }).result;
    expect(err?.data.code).toBe('TOKEN_EXPIRED');
    expect(err?.message).toBe('Access token expired');
  });

  it('takes a bearer header when there is no auth payload (non-browser clients)', () => {
    expect(tokenFromHandshake({ auth: {}, headers: { authorization: 'Bearer abc.def' } })).toBe('abc.def');
    expect(tokenFromHandshake({ auth: { token: ' t1 ' }, headers: { authorization: 'Bearer other' } })).toBe('t1');
    expect(tokenFromHandshake({ auth: {}, headers: { authorization: 'Basic abc' } })).toBeUndefined();
  });
});
