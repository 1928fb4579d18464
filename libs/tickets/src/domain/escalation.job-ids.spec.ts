import { slaJobId, slaJobIdFor, slaSweepJobId } from './escalation';
import { autoCloseJobId } from './rating';

describe('stable BullMQ job ids', () => {
  const due = Date.parse('2025-06-03T03:00:00Z');

  it('is built from ticket, target, level and due instant', () => {
    expect(slaJobId('7f8e2a4c-1111-4f00-9a00-000000000001', 'resolution', 'breach', due)).toBe('sla-7f8e2a4c-1111-4f00-9a00-000000000001-resolution-breach-1748919600000');
  });

  it('never contains a colon', () => {
    const id = slaJobId('site:3:ticket:42', 'first_response', 'warn', due);
    expect(id).toBe('sla-site_3_ticket_42-first_response-warn-1748919600000');
    expect(id).not.toContain(':');
    expect(autoCloseJobId('a:b', due)).toBe('autoclose-a_b-1748919600000');
    expect(slaSweepJobId('site:1')).toBe('sla-sweep-site_1');
  });

  it('is the same for the same step and changes when the due time moves', () => {
    expect(slaJobId('t1', 'resolution', 'warn', due)).toBe(slaJobId('t1', 'resolution', 'warn', due));
    expect(slaJobId('t1', 'resolution', 'warn', due + 60_000)).not.toBe(slaJobId('t1', 'resolution', 'warn', due));
    expect(slaJobId('t1', 'resolution', 'warn', due)).not.toBe(slaJobId('t1', 'resolution', 'breach', due));
  });

  it('derives from a planned step', () => {
    expect(slaJobIdFor('t1', { target: 'first_response', level: 'breach', at: new Date(due) })).toBe('sla-t1-first_response-breach-1748919600000');
  });

  it('rejects a non-numeric due instant', () => {
    expect(() => slaJobId('t1', 'resolution', 'warn', Number.NaN)).toThrow(RangeError);
  });
});
