import { isSettledCommandStatus, nextCommandStatus } from './command-status';

describe('command status: a late ack after the timeout sweep', () => {
  it('replaces timeout with what the device reports', () => {
    expect(nextCommandStatus('timeout', 'ack_ok')).toBe('acked');
    expect(nextCommandStatus('timeout', 'ack_expired')).toBe('expired');
  });

  it('but nothing else moves a timed-out command', () => {
    expect(nextCommandStatus('timeout', 'republished')).toBeNull();
    expect(nextCommandStatus('timeout', 'superseded')).toBeNull();
    expect(nextCommandStatus('timeout', 'deadline_passed')).toBeNull();
    expect(isSettledCommandStatus('timeout')).toBe(false);
  });
});
