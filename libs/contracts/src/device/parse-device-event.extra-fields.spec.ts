import { parseDeviceEvent } from './parse-device-event';

const ID = '0b7e8a52-3c1f-4f7e-9a51-2d6f0c9e4b11';
const TS = '2025-06-01T10:00:00Z';

// Policy: unknown fields inside a known type are tolerated (a newer firmware may add some) but
// stripped, so nothing downstream stores or trusts them.
describe('parseDeviceEvent: unknown fields are tolerated and stripped', () => {
  it('keeps the event but drops unknown envelope fields', () => {
    const result = parseDeviceEvent(JSON.stringify({ id: ID, type: 'volume', ts: TS, data: { level: 10 }, deviceId: 'someone-else', admin: true }));
    expect(result).toEqual({ ok: true, event: { id: ID, type: 'volume', ts: TS, data: { level: 10 } } });
  });

  it('keeps the event but drops unknown data fields', () => {
    const result = parseDeviceEvent(
      JSON.stringify({ id: ID, type: 'access.face_local', ts: TS, data: { personId: 'p1', score: 0.9, decision: 'granted', override: 'grant-all', fw: '2.0' } }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.event.data).toEqual({ personId: 'p1', score: 0.9, decision: 'granted' });
  });

  it('still validates known fields when unknown ones are present', () => {
    const result = parseDeviceEvent(JSON.stringify({ id: ID, type: 'volume', ts: TS, data: { level: 300, future: 1 } }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid_data' });
  });
});
