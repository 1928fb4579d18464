import { ALL_COMMAND_STATUSES, CommandEvent, commandTransition, isDeliveryOver, isSettledCommandStatus, nextCommandStatus } from './command-status';

const EVENTS: CommandEvent[] = ['published', 'republished', 'publish_failed', 'ack_ok', 'ack_failed', 'ack_expired', 'deadline_passed', 'superseded', 'undeliverable'];

describe('command status: final statuses never change', () => {
  it.each(['acked', 'failed', 'expired', 'superseded'] as const)('%s ignores every event', (status) => {
    for (const e of EVENTS) expect(nextCommandStatus(status, e)).toBeNull();
    expect(isSettledCommandStatus(status)).toBe(true);
  });

  it('a duplicate ack is ignored', () => {
    expect(nextCommandStatus(nextCommandStatus('sent', 'ack_ok')!, 'ack_ok')).toBeNull();
  });

  it('only queued and sent commands time out or are superseded', () => {
    expect(commandTransition('deadline_passed')).toEqual({ from: ['queued', 'sent'], to: 'timeout' });
    expect(commandTransition('superseded')).toEqual({ from: ['queued', 'sent'], to: 'superseded' });
  });

  it('a durable command is published again while it waits', () => {
    expect(nextCommandStatus('sent', 'republished')).toBe('sent');
    expect(nextCommandStatus('queued', 'republished')).toBe('sent');
  });

  it('every event leads to one status, so SQL can use "WHERE status IN (from)"', () => {
    for (const e of EVENTS) expect(() => commandTransition(e)).not.toThrow();
  });

  it('delivery is over for everything but queued and sent', () => {
    expect(ALL_COMMAND_STATUSES.filter((s) => !isDeliveryOver(s))).toEqual(['queued', 'sent']);
  });
});
