import { DEVICE_EVENT_TYPES, DEVICE_EVENTS } from './event-schemas';
import { EXAMPLE_EVENT_DATA } from './example-messages';
import { parseDeviceEvent } from './parse-device-event';

const ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const TS = '2025-06-01T10:00:00.000+08:00';

describe('parseDeviceEvent: every event type of PROTOCOL.md', () => {
  it('knows exactly the PROTOCOL.md event types plus the extensions in docs/protocol-extensions.md', () => {
    const protocol = ['access.face', 'access.face_local', 'access.qr', 'alarm', 'bt.connected', 'bt.disconnected', 'door.state', 'playback', 'volume'];
    const extensions = ['announcement.played'];
    expect([...DEVICE_EVENT_TYPES].sort()).toEqual([...protocol, ...extensions].sort());
  });

  it.each(DEVICE_EVENT_TYPES)('accepts a valid %s and returns it unchanged', (type) => {
    const body = { id: ID, type, ts: TS, data: EXAMPLE_EVENT_DATA[type] };
    const result = parseDeviceEvent(Buffer.from(JSON.stringify(body)));
    expect(result).toEqual({ ok: true, event: body });
  });

  it('accepts a real 512-dim access.face', () => {
    const embedding = Buffer.from(new Float32Array(512).fill(0.044).buffer).toString('base64');
    const result = parseDeviceEvent(JSON.stringify({ id: ID, type: 'access.face', ts: TS, data: { embedding, dim: 512, liveness: 1 } }));
    expect(result.ok).toBe(true);
    if (result.ok && result.event.type === 'access.face') expect(result.event.data.dim).toBe(512);
  });

  it('accepts access.face_local without personId (an unknown face denied offline)', () => {
    const result = parseDeviceEvent(
      JSON.stringify({ id: ID, type: 'access.face_local', ts: TS, data: { score: 0.2, decision: 'denied', reason: 'unknown_face' } }),
    );
    expect(result.ok).toBe(true);
  });

  it('lower-cases the event id so (deviceId, id) stays unique', () => {
    const result = parseDeviceEvent(JSON.stringify({ id: ID.toUpperCase(), type: 'volume', ts: TS, data: { level: 0 } }));
    expect(result.ok && result.event.id).toBe(ID);
  });

  it('records which device kinds send each type', () => {
    expect(DEVICE_EVENTS['access.face'].kinds).toEqual(['gate']);
    expect(DEVICE_EVENTS['bt.connected'].kinds).toEqual(['speaker']);
  });
});
