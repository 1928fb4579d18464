import { MAX_PAYLOAD_BYTES } from './protocol-constants';
import { parseDeviceEvent } from './parse-device-event';

const ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const TS = '2025-06-01T10:00:00Z';
const valid = { id: ID, type: 'door.state', ts: TS, data: { state: 'open' } };

describe('parseDeviceEvent: garbage never throws and names the reason', () => {
  it.each<[string, Buffer | string, string]>([
    ['empty payload', Buffer.alloc(0), 'not_json'],
    ['random binary', Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x10]), 'not_json'],
    ['invalid UTF-8 around valid JSON', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), 'not_json'],
    ['truncated JSON', '{"id":"x","type":', 'not_json'],
    ['a UTF-8 BOM', '\ufeff' + JSON.stringify(valid), 'not_json'],
    ['JSON null', 'null', 'invalid_envelope'],
    ['JSON number', '42', 'invalid_envelope'],
    ['JSON string', '"door.state"', 'invalid_envelope'],
    ['JSON array', JSON.stringify([valid]), 'invalid_envelope'],
    ['missing id', JSON.stringify({ ...valid, id: undefined }), 'invalid_envelope'],
    ['id that is not a uuid', JSON.stringify({ ...valid, id: 'evt-1' }), 'invalid_envelope'],
    ['numeric id', JSON.stringify({ ...valid, id: 7 }), 'invalid_envelope'],
    ['ts without a time zone', JSON.stringify({ ...valid, ts: '2025-06-01T10:00:00' }), 'invalid_envelope'],
    ['ts as epoch millis', JSON.stringify({ ...valid, ts: 1748772000000 }), 'invalid_envelope'],
    ['impossible date', JSON.stringify({ ...valid, ts: '2025-02-30T10:00:00Z' }), 'invalid_envelope'],
    ['data as array', JSON.stringify({ ...valid, data: [] }), 'invalid_envelope'],
    ['data as string', JSON.stringify({ ...valid, data: 'open' }), 'invalid_envelope'],
    ['missing data', JSON.stringify({ ...valid, data: undefined }), 'invalid_envelope'],
    ['type with spaces', JSON.stringify({ ...valid, type: 'door state' }), 'invalid_envelope'],
    ['overlong type', JSON.stringify({ ...valid, type: 'a'.repeat(65) }), 'invalid_envelope'],
    ['unknown type', JSON.stringify({ ...valid, type: 'door.exploded' }), 'unknown_type'],
    ['a command type sent as an event', JSON.stringify({ ...valid, type: 'gate.open' }), 'unknown_type'],
    ['prototype-looking type', JSON.stringify({ ...valid, type: 'constructor' }), 'unknown_type'],
  ])('%s → %s', (_name, payload, reason) => {
    const result = parseDeviceEvent(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.detail.length).toBeGreaterThan(0);
      expect(result.detail.length).toBeLessThan(300);
    }
  });

  it('rejects a body over 64 KiB before parsing it, even if it is valid JSON', () => {
    const padded = JSON.stringify({ ...valid, data: { state: 'open', pad: 'x'.repeat(MAX_PAYLOAD_BYTES) } });
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const result = parseDeviceEvent(Buffer.from(padded));
      expect(result).toMatchObject({ ok: false, reason: 'too_large' });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('counts bytes, not characters, for string input', () => {
    // 30,000 three-byte characters: under the limit in characters, over it in UTF-8 bytes.
    const result = parseDeviceEvent(JSON.stringify({ ...valid, data: { state: 'open', note: '界'.repeat(30_000) } }));
    expect(result).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('accepts a body of exactly 64 KiB', () => {
    const base = JSON.stringify({ ...valid, data: { state: 'open', pad: '' } });
    const body = JSON.stringify({ ...valid, data: { state: 'open', pad: 'x'.repeat(MAX_PAYLOAD_BYTES - base.length) } });
    expect(Buffer.byteLength(body)).toBe(MAX_PAYLOAD_BYTES);
    expect(parseDeviceEvent(Buffer.from(body)).ok).toBe(true);
  });

  it('survives deep nesting inside and outside data', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    expect(parseDeviceEvent(deep)).toMatchObject({ ok: false, reason: 'invalid_envelope' });
    const nested = `{"id":"${ID}","type":"door.state","ts":"${TS}","data":{"state":"open","x":${deep}}}`;
    const result = parseDeviceEvent(nested);
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.event.data)).toEqual(['state']);
  });

  it('does not let __proto__ in the payload reach the prototype chain', () => {
    const result = parseDeviceEvent(`{"id":"${ID}","type":"door.state","ts":"${TS}","__proto__":{"polluted":true},"data":{"state":"open","__proto__":{"admin":true}}}`);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) {
      expect(Object.prototype.hasOwnProperty.call(result.event, '__proto__')).toBe(false);
      expect((result.event.data as Record<string, unknown>).admin).toBeUndefined();
    }
  });

  it('survives a stream of random bytes', () => {
    // Deterministic xorshift so a failure is reproducible.
    let x = 2463534242;
    const rand = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
    for (let i = 0; i < 500; i++) {
      const buf = Buffer.alloc(1 + Math.floor(rand() * 200));
      for (let j = 0; j < buf.length; j++) buf[j] = Math.floor(rand() * 256);
      const result = parseDeviceEvent(buf);
      expect(result.ok).toBe(false);
    }
  });

  it('keeps the detail short when the unknown type is long garbage', () => {
    const result = parseDeviceEvent(JSON.stringify({ ...valid, type: 'a.' + 'b'.repeat(60) }));
    expect(result).toMatchObject({ ok: false, reason: 'unknown_type' });
    if (!result.ok) expect(result.detail.length).toBeLessThan(120);
  });
});
