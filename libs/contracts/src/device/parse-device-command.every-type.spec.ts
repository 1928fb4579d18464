import { buildCommand } from './build-command';
import { DEVICE_COMMAND_TYPES, type DeviceCommandType } from './command-schemas';
import { EXAMPLE_COMMAND_DATA } from './example-messages';
import { parseDeviceCommand } from './parse-device-command';

const ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const NOW = Date.parse('2025-06-01T10:00:00.000Z');

describe('parseDeviceCommand: every command type of PROTOCOL.md', () => {
  it('knows exactly the PROTOCOL.md command types plus the extensions in docs/protocol-extensions.md', () => {
    const protocol = ['facelib.sync', 'gate.deny', 'gate.mode', 'gate.open', 'speaker.announce', 'speaker.disconnect', 'speaker.pairing.open', 'speaker.stop', 'speaker.volume'];
    const extensions = ['speaker.music'];
    expect([...DEVICE_COMMAND_TYPES].sort()).toEqual([...protocol, ...extensions].sort());
  });

  it.each(DEVICE_COMMAND_TYPES)('round-trips a built %s', (type) => {
    const command = buildCommand(type, EXAMPLE_COMMAND_DATA[type] as never, { now: NOW, id: ID });
    const result = parseDeviceCommand(Buffer.from(JSON.stringify(command)));
    expect(result).toEqual({ ok: true, command });
  });

  it.each<[DeviceCommandType, unknown, RegExp]>([
    ['gate.open', { durationMs: 100 }, /^data\.durationMs: must be >= 500$/],
    ['gate.open', {}, /^data\.durationMs: is required$/],
    ['gate.deny', { reason: 'bad_hair_day' }, /^data\.reason: must be one of/],
    ['gate.mode', { mode: 'party' }, /^data\.mode: must be one of "normal", "lockdown", "emergency_open"$/],
    ['facelib.sync', { version: -1, full: false, upserts: [], removes: [] }, /^data\.version: must be >= 0$/],
    ['facelib.sync', { version: 1, full: false, upserts: [{ personId: 'p', embedding: 'AAAA', validUntil: 'soon' }], removes: [] }, /^data\.upserts\[0\]\.validUntil: must match format "date-time"$/],
    ['facelib.sync', { version: 1, full: false, upserts: [{ personId: 'p', embedding: 'AAAA' }], removes: [] }, /^data\.upserts\[0\]\.validUntil: is required$/],
    ['facelib.sync', { version: 1, full: false, upserts: [], removes: [], chunk: { index: 0, count: 2 } }, /^data\.chunk: only a full library is sent in chunks$/],
    ['facelib.sync', { version: 1, full: true, upserts: [], removes: [], chunk: { index: 2, count: 2 } }, /^data\.chunk\.index: must be below chunk\.count$/],
    ['speaker.pairing.open', { sessionId: 's', code: 'abcdef', until: '2025-06-01T10:05:00Z' }, /^data\.code: must match pattern/],
    ['speaker.volume', { level: 50 }, /^data\.cap: is required$/],
    ['speaker.announce', { announcementId: 'a', priority: 'normal' }, /^data: needs text or audioUrl$/],
    ['speaker.announce', { announcementId: 'a', text: 'hi', priority: 'urgent' }, /^data\.priority: must be one of "normal", "emergency"$/],
    ['speaker.music', { action: 'play', level: 30 }, /^data: play needs level and cap$/],
    ['speaker.music', { action: 'pause' }, /^data\.action: must be one of "play", "stop"$/],
    ['speaker.music', { action: 'play', level: 30, cap: 101 }, /^data\.cap: must be <= 100$/],
  ])('drops %s with %j as invalid_data and keeps the id for the ack', (type, data, detail) => {
    const body = { id: ID, type, ts: '2025-06-01T10:00:00Z', expiresAt: '2025-06-01T10:00:03Z', data };
    const result = parseDeviceCommand(JSON.stringify(body));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data', id: ID, type });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });

  it('reports unknown_type with the id so the device can ack UNSUPPORTED', () => {
    const body = { id: ID, type: 'gate.dance', ts: '2025-06-01T10:00:00Z', expiresAt: '2025-06-01T10:00:03Z', data: {} };
    expect(parseDeviceCommand(JSON.stringify(body))).toMatchObject({ ok: false, reason: 'unknown_type', id: ID });
  });

  it('requires expiresAt in the envelope', () => {
    const body = { id: ID, type: 'speaker.stop', ts: '2025-06-01T10:00:00Z', data: {} };
    expect(parseDeviceCommand(JSON.stringify(body))).toMatchObject({ ok: false, reason: 'invalid_envelope', detail: 'expiresAt: is required' });
  });

  it('strips unknown fields from nested facelib upserts', () => {
    const data = { version: 3, full: true, upserts: [{ personId: 'p', embedding: 'AAAA', validUntil: null, name: 'Alice' }], removes: [] };
    const body = { id: ID, type: 'facelib.sync', ts: '2025-06-01T10:00:00Z', expiresAt: '2025-06-01T11:00:00Z', data };
    const result = parseDeviceCommand(JSON.stringify(body));
    expect(result.ok && result.command.type === 'facelib.sync' && result.command.data.upserts[0]).toEqual({
      personId: 'p',
      embedding: 'AAAA',
      validUntil: null,
    });
  });
});
