import { formatDuration, slaCountdown } from './sla-countdown';

const now = Date.parse('2026-06-01T10:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('SLA countdown in the ticket queue', () => {
  it('is green before the warning time and shows the time left', () => {
    expect(slaCountdown({ warnAt: at(30), dueAt: at(125), breached: false, paused: false }, now)).toEqual({ tone: 'green', text: '2h 05m left' });
  });
  it('turns amber from the warning time', () => {
    expect(slaCountdown({ warnAt: at(-1), dueAt: at(10), breached: false, paused: false }, now)).toEqual({ tone: 'amber', text: '10m left' });
  });
  it('turns red once due, and when the server says breached', () => {
    expect(slaCountdown({ warnAt: at(-60), dueAt: at(-15), breached: false, paused: false }, now)).toEqual({ tone: 'red', text: 'overdue 15m' });
    expect(slaCountdown({ warnAt: null, dueAt: at(5), breached: true, paused: false }, now).tone).toBe('red');
  });
  it('shows paused and absent clocks in gray', () => {
    expect(slaCountdown({ warnAt: null, dueAt: at(5), breached: false, paused: true }, now)).toEqual({ tone: 'gray', text: 'SLA paused' });
    expect(slaCountdown({ warnAt: null, dueAt: null, breached: false, paused: false }, now)).toEqual({ tone: 'gray', text: 'no SLA' });
  });
  it('formats days', () => {
    expect(formatDuration(26 * 3600_000)).toBe('1d 2h');
  });
});
