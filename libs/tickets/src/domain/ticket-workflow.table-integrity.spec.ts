import { TICKET_STATUSES } from './ticket-status';
import { TICKET_TRANSITIONS } from './ticket-workflow';

describe('the transition table', () => {
  it('has one rule per (from, to) and never loops on a status', () => {
    const keys = TICKET_TRANSITIONS.map((r) => `${r.from}->${r.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(TICKET_TRANSITIONS.filter((r) => r.from === r.to)).toEqual([]);
  });

  it('reaches every status and leaves every status but cancelled', () => {
    const reached = new Set(TICKET_TRANSITIONS.map((r) => r.to));
    const left = new Set(TICKET_TRANSITIONS.map((r) => r.from));
    expect(TICKET_STATUSES.filter((s) => s !== 'new' && !reached.has(s))).toEqual([]);
    expect(TICKET_STATUSES.filter((s) => !left.has(s))).toEqual(['cancelled']);
  });

  it('asks a reason for every move to on_hold, cancelled or reopened, and a note for resolved', () => {
    for (const r of TICKET_TRANSITIONS) {
      if (['on_hold', 'cancelled', 'reopened'].includes(r.to)) expect({ rule: `${r.from}->${r.to}`, requires: r.requires }).toEqual({ rule: `${r.from}->${r.to}`, requires: ['reason'] });
      if (r.to === 'resolved') expect(r.requires).toEqual(['resolutionNote']);
    }
  });

  it('pauses the SLA only into on_hold, resumes it only out of on_hold or on reopen', () => {
    for (const r of TICKET_TRANSITIONS) {
      expect(r.sla === 'pause').toBe(r.to === 'on_hold');
      expect(r.sla === 'resume').toBe((r.from === 'on_hold' && r.to === 'in_progress') || r.to === 'reopened');
    }
  });

  it('lets residents only cancel, close and reopen', () => {
    const residentTargets = new Set(TICKET_TRANSITIONS.filter((r) => r.roles.includes('resident')).map((r) => r.to));
    expect([...residentTargets].sort()).toEqual(['cancelled', 'closed', 'reopened']);
  });
});
