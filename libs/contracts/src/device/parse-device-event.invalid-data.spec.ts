import { base64LengthForDim, isStandardBase64, type DeviceEventType } from './event-schemas';
import { EXAMPLE_EMBEDDING_DIM4, EXAMPLE_EVENT_DATA } from './example-messages';
import { parseDeviceEvent } from './parse-device-event';

const ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const TS = '2025-06-01T10:00:00Z';

function parseWith(type: DeviceEventType, data: unknown) {
  return parseDeviceEvent(Buffer.from(JSON.stringify({ id: ID, type, ts: TS, data })));
}

describe('parseDeviceEvent: a known type with wrong data is dropped as invalid_data', () => {
  it.each<[DeviceEventType, Record<string, unknown>, RegExp]>([
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], dim: '4' }, /^data\.dim: must be integer$/],
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], dim: 0 }, /^data\.dim: must be >= 1$/],
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], dim: 4096 }, /^data\.dim: must be <= 2048$/],
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], liveness: 1.2 }, /^data\.liveness: must be <= 1$/],
    ['access.face', { dim: 4, liveness: 0.9 }, /^data\.embedding: is required$/],
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], dim: 8 }, /^data\.embedding: has 24 base64 characters, 44 expected for dim 8$/],
    ['access.face', { ...EXAMPLE_EVENT_DATA['access.face'], embedding: 'AAAAPwAAAL8AAAA/AAAA!w==' }, /^data\.embedding: is not standard base64$/],
    ['access.face_local', { score: 0.9, decision: 'maybe' }, /^data\.decision: must be one of "granted", "denied"$/],
    ['access.face_local', { decision: 'granted' }, /^data\.score: is required$/],
    ['access.qr', { token: '' }, /^data\.token: must NOT have fewer than 1 characters$/],
    ['access.qr', { token: 42 }, /^data\.token: must be string$/],
    ['door.state', { state: 'ajar' }, /^data\.state: must be one of "open", "closed"$/],
    ['alarm', { kind: 'fire' }, /^data\.kind: must be one of/],
    ['bt.connected', { sessionId: 's', code: '12345', phoneMac: 'AA:BB:CC:DD:EE:FF' }, /^data\.code: must match pattern/],
    ['bt.connected', { sessionId: 's', code: '123456', phoneMac: 'not-a-mac' }, /^data\.phoneMac: must match pattern/],
    ['bt.disconnected', { sessionId: 's', reason: 'bored' }, /^data\.reason: must be one of/],
    ['playback', { state: 'stopped' }, /^data\.state: must be one of "playing", "paused", "idle"$/],
    ['volume', { level: 101 }, /^data\.level: must be <= 100$/],
    ['volume', { level: 50.5 }, /^data\.level: must be integer$/],
    ['volume', { level: null }, /^data\.level: must be integer$/],
    ['announcement.played', { status: 'played' }, /^data\.announcementId: is required$/],
    ['announcement.played', { announcementId: 'a-1', status: 'finished' }, /^data\.status: must be one of "played", "interrupted", "failed"$/],
    ['announcement.played', { announcementId: '', status: 'played' }, /^data\.announcementId: must NOT have fewer than 1 characters$/],
    ['announcement.played', { announcementId: 'a-1', status: 'played', commandId: 'nope' }, /^data\.commandId: must match pattern/],
  ])('%s with %j', (type, data, detail) => {
    const result = parseWith(type, data);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data', id: ID, type });
    if (!result.ok) expect(result.detail).toMatch(detail);
  });

  it('checks the embedding length against dim before anyone decodes it', () => {
    expect(base64LengthForDim(4)).toBe(EXAMPLE_EMBEDDING_DIM4.length);
    expect(base64LengthForDim(512)).toBe(2732);
  });
});

describe('isStandardBase64', () => {
  it.each([
    ['AAAA', true],
    ['AA+/', true],
    ['AAA=', true],
    ['AA==', true],
    ['A===', false],
    ['AA-_', false],
    ['AA A', false],
    ['AAé=', false],
    ['=AAA', false],
  ])('%j → %s', (text, expected) => {
    expect(isStandardBase64(text)).toBe(expected);
  });
});
