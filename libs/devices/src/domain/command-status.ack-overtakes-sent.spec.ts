import { ackEvent, commandTransition, nextCommandStatus } from './command-status';

describe('command status: an ack that arrives before the "sent" write', () => {
  it('moves a queued command straight to its outcome', () => {
    expect(nextCommandStatus('queued', 'ack_ok')).toBe('acked');
    expect(nextCommandStatus('queued', 'ack_expired')).toBe('expired');
  });

  it('and the late "published" write then changes nothing', () => {
    expect(nextCommandStatus('acked', 'published')).toBeNull();
    expect(commandTransition('published')).toEqual({ from: ['queued'], to: 'sent' });
  });

  it('maps acks: ok, EXPIRED, any other error', () => {
    expect(ackEvent({ ok: true })).toBe('ack_ok');
    expect(ackEvent({ ok: false, error: { code: 'EXPIRED' } })).toBe('ack_expired');
    expect(ackEvent({ ok: false, error: { code: 'LOCKDOWN' } })).toBe('ack_failed');
  });

  it('an ack may settle a command from queued, sent or timeout', () => {
    expect(commandTransition('ack_ok')).toEqual({ from: ['queued', 'sent', 'timeout'], to: 'acked' });
    expect(commandTransition('ack_failed')).toEqual({ from: ['queued', 'sent', 'timeout'], to: 'failed' });
  });
});
