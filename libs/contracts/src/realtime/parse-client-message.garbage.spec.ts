import { parseClientMessage } from './parse-client-message';

describe('parseClientMessage: garbage gets a reason, never an exception', () => {
  const refused = (event: unknown, args: unknown[]) => {
    const r = parseClientMessage(event, args);
    if (r.ok) throw new Error(`accepted ${JSON.stringify(event)}`);
    return r;
  };

  it('refuses unknown event names and bounds the echo of a huge one', () => {
    expect(refused('drop table', [{}])).toMatchObject({ code: 'UNKNOWN_EVENT', event: 'drop table' });
    const huge = refused('x'.repeat(10_000), []);
    expect(huge.code).toBe('UNKNOWN_EVENT');
    expect(huge.message.length).toBeLessThan(300);
    expect(refused(42, [])).toMatchObject({ code: 'UNKNOWN_EVENT', event: '<number>' });
    // Server→client names are not client events.
    expect(refused('snapshot', [{}]).code).toBe('UNKNOWN_EVENT');
  });

  it('refuses payloads that are not one object', () => {
    expect(refused('subscribe', ['ticket'])).toMatchObject({ code: 'VALIDATION_FAILED', message: 'subscribe: payload must be an object' });
    expect(refused('subscribe', [null]).code).toBe('VALIDATION_FAILED');
    expect(refused('subscribe', [[{ topic: 'ticket', id: 'x' }]]).code).toBe('VALIDATION_FAILED');
    expect(refused('subscribe', []).message).toBe('subscribe: payload must be an object');
    expect(refused('subscribe', [{ topic: 'ticket', id: 'x' }, { more: 1 }]).message).toBe('subscribe: expected one payload argument, got 2');
  });

  it('names the bad field', () => {
    expect(refused('subscribe', [{ topic: 'household', id: 'u1' }]).message).toBe('subscribe.topic: must be one of "speaker", "zone", "ticket", "announcement"');
    expect(refused('subscribe', [{ topic: 'ticket' }]).message).toBe('subscribe.id: is required');
    expect(refused('subscribe', [{ topic: 'ticket', id: 'a:b' }]).message).toContain('subscribe.id');
    expect(refused('subscribe', [{ topic: 'ticket', id: '' }]).message).toContain('subscribe.id');
    expect(refused('alarm.ack', [{ alarmId: 'a1', note: 'n'.repeat(501) }]).message).toContain('alarm.ack.note');
  });

  it('still hands back the ack callback of a refused message, so the caller can answer it', () => {
    const ack = jest.fn();
    expect(refused('subscribe', ['nope', ack]).ack).toBe(ack);
    expect(refused('nope', [ack]).ack).toBe(ack);
  });
});
