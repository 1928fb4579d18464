import { buildDeviceAckError, buildDeviceAckOk } from './build-device-message';
import { parseDeviceAck } from './parse-device-ack';

const CMD = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const NOW = Date.parse('2025-06-01T10:00:00.000Z');

describe('parseDeviceAck', () => {
  it('accepts a success ack and a failed EXPIRED ack as built by a device', () => {
    const ok = buildDeviceAckOk(CMD, NOW);
    expect(parseDeviceAck(JSON.stringify(ok))).toEqual({ ok: true, ack: ok });
    const failed = buildDeviceAckError(CMD, 'EXPIRED', 'expired 1200 ms ago', NOW);
    expect(parseDeviceAck(JSON.stringify(failed))).toEqual({ ok: true, ack: failed });
  });

  it('accepts the PROTOCOL.md failure form without ts', () => {
    const result = parseDeviceAck(`{"commandId":"${CMD}","ok":false,"error":{"code":"EXPIRED","message":"late"}}`);
    expect(result.ok).toBe(true);
  });

  it('keeps the free-form result data (facelib.sync reports the version it holds)', () => {
    const result = parseDeviceAck(JSON.stringify(buildDeviceAckOk(CMD, NOW, { version: 42 })));
    expect(result.ok && result.ack.data).toEqual({ version: 42 });
  });

  it('lower-cases commandId and strips unknown top-level fields', () => {
    const result = parseDeviceAck(JSON.stringify({ commandId: CMD.toUpperCase(), ok: true, ts: '2025-06-01T10:00:00Z', deviceId: 'x' }));
    expect(result).toEqual({ ok: true, ack: { commandId: CMD, ok: true, ts: '2025-06-01T10:00:00Z' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['ok:false without error', { commandId: CMD, ok: false }, /^error: is required when ok is false$/],
    ['ok:true with an error', { commandId: CMD, ok: true, error: { code: 'FAILED' } }, /^error: must be absent/],
    ['a non-uuid commandId', { commandId: 'c-1', ok: true }, /^commandId: must match pattern/],
    ['ok as a string', { commandId: CMD, ok: 'true' }, /^ok: must be boolean$/],
    ['a lower-case error code', { commandId: CMD, ok: false, error: { code: 'expired' } }, /^error\.code: must match pattern/],
    ['data that is not an object', { commandId: CMD, ok: true, data: 42 }, /^data: must be object$/],
  ])('drops %s as invalid_data', (_name, body, detail) => {
    const result = parseDeviceAck(JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data' });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });

  it('drops non-JSON as not_json', () => {
    expect(parseDeviceAck('ok')).toMatchObject({ ok: false, reason: 'not_json' });
  });
});
