import { EventOutbox } from './event-outbox';

const payload = (s: string) => Buffer.from(s);

function fill(outbox: EventOutbox, keys: string[]): void {
  for (const k of keys) outbox.add(k, 'events', payload(k));
}

describe('EventOutbox', () => {
  it('hands items out oldest first and forgets them only when acked', () => {
    const outbox = new EventOutbox();
    fill(outbox, ['e1', 'e2', 'e3']);
    expect(outbox.takeNext()?.key).toBe('e1');
    expect(outbox.takeNext()?.key).toBe('e2');
    expect(outbox.size).toBe(3);
    expect(outbox.inFlight).toBe(2);
    expect(outbox.ack('e1')).toBe(true);
    expect(outbox.keys()).toEqual(['e2', 'e3']);
  });

  it('after a disconnect re-sends the unacked items in their original order with the same ids', () => {
    const outbox = new EventOutbox();
    fill(outbox, ['e1', 'e2', 'e3', 'e4']);
    outbox.takeNext();
    outbox.takeNext();
    outbox.takeNext();
    outbox.ack('e1'); // e2, e3 in flight when the socket dies; e4 never sent
    expect(outbox.requeueInFlight()).toBe(2);
    const resent = [outbox.takeNext(), outbox.takeNext(), outbox.takeNext()];
    expect(resent.map((i) => i?.key)).toEqual(['e2', 'e3', 'e4']);
    expect(resent.map((i) => i?.attempts)).toEqual([2, 2, 1]);
    expect(resent[0]?.payload.toString()).toBe('e2');
    expect(outbox.takeNext()).toBeUndefined();
  });

  it('handles acks out of order without losing or repeating anything', () => {
    const outbox = new EventOutbox();
    fill(outbox, ['e1', 'e2', 'e3']);
    outbox.takeNext();
    outbox.takeNext();
    outbox.takeNext();
    expect(outbox.ack('e2')).toBe(true);
    expect(outbox.keys()).toEqual(['e1', 'e3']);
    outbox.requeueInFlight();
    expect([outbox.takeNext()?.key, outbox.takeNext()?.key, outbox.takeNext()]).toEqual(['e1', 'e3', undefined]);
    expect(outbox.ack('e2')).toBe(false);
    outbox.ack('e1');
    outbox.ack('e3');
    expect(outbox.size).toBe(0);
  });

  it('refuses a key that is already waiting', () => {
    const outbox = new EventOutbox();
    expect(outbox.add('a', 'acks', payload('1'))).toBe(true);
    expect(outbox.add('a', 'acks', payload('2'))).toBe(false);
    expect(outbox.size).toBe(1);
  });

  it('when full drops the oldest pending item, never one in flight', () => {
    const outbox = new EventOutbox({ limit: 3 });
    fill(outbox, ['e1', 'e2', 'e3']);
    outbox.takeNext(); // e1 in flight
    outbox.add('e4', 'events', payload('e4'));
    expect(outbox.keys()).toEqual(['e1', 'e3', 'e4']);
    expect(outbox.dropped).toBe(1);
  });

  it('lists keys per channel', () => {
    const outbox = new EventOutbox();
    outbox.add('e1', 'events', payload('x'));
    outbox.add('ack:c1', 'acks', payload('y'));
    expect(outbox.keys('events')).toEqual(['e1']);
    expect(outbox.keys('acks')).toEqual(['ack:c1']);
  });
});
