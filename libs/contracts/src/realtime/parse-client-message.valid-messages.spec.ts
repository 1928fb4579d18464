import { parseClientMessage } from './parse-client-message';

describe('parseClientMessage: valid messages', () => {
  it('accepts a subscription and strips fields the schema does not define', () => {
    const ack = jest.fn();
    const r = parseClientMessage('subscribe', [{ topic: 'speaker', id: 'speaker-3f9a1c2b', room: 'staff:everything' }, ack]);
    expect(r).toEqual({ ok: true, message: { event: 'subscribe', payload: { topic: 'speaker', id: 'speaker-3f9a1c2b' } }, ack });
  });

  it('accepts an alarm acknowledgement with or without a note', () => {
    expect(parseClientMessage('alarm.ack', [{ alarmId: '0b9c7a52-4f0e-4c1b-9a55-0d5c2b1f6e10' }])).toMatchObject({ ok: true, message: { event: 'alarm.ack' } });
    expect(parseClientMessage('alarm.ack', [{ alarmId: 'a1', note: 'on my way' }])).toMatchObject({ ok: true, message: { payload: { alarmId: 'a1', note: 'on my way' } } });
  });

  it('lets snapshot.request omit its payload', () => {
    const ack = jest.fn();
    expect(parseClientMessage('snapshot.request', [ack])).toEqual({ ok: true, message: { event: 'snapshot.request', payload: {} }, ack });
    expect(parseClientMessage('snapshot.request', [])).toMatchObject({ ok: true, ack: undefined });
  });
});
