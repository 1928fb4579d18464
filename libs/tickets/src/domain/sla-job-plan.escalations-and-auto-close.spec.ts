import { slaJobPlan, SlaJobTicket } from './sla-job-plan';

const t0 = new Date('2026-06-01T00:00:00Z');
const at = (m: number) => new Date(t0.getTime() + m * 60_000);
const ticket: SlaJobTicket = {
  id: 'tk-1',
  status: 'assigned',
  firstResponseWarnAt: at(48),
  firstResponseDueAt: at(60),
  firstResponseMetAt: null,
  resolutionWarnAt: at(576),
  resolutionDueAt: at(720),
  resolutionMetAt: null,
  stoppedAt: null,
  paused: false,
  escalationsFired: [],
  resolvedAt: null,
  autoCloseAt: null,
};

describe('slaJobPlan: the delayed jobs a ticket should have', () => {
  it('one job per escalation step, in time order, with stable ids free of ":"', () => {
    const plan = slaJobPlan(ticket);
    expect(plan.map((j) => j.at)).toEqual([at(48), at(60), at(576), at(720)]);
    expect(plan.every((j) => j.name === 'escalate' && !j.jobId.includes(':'))).toBe(true);
    expect(slaJobPlan(ticket).map((j) => j.jobId)).toEqual(plan.map((j) => j.jobId));
  });

  it('fired steps are not scheduled again; a new due time gives a new id', () => {
    const plan = slaJobPlan({ ...ticket, escalationsFired: ['first_response.warn'] });
    expect(plan).toHaveLength(3);
    const moved = slaJobPlan({ ...ticket, resolutionDueAt: at(800) });
    expect(moved.find((j) => j.at.getTime() === at(800).getTime())!.jobId).not.toBe(slaJobPlan(ticket)[3].jobId);
  });

  it('a resolved ticket has only its auto-close job', () => {
    const plan = slaJobPlan({ ...ticket, status: 'resolved', resolutionMetAt: at(100), firstResponseMetAt: at(10), resolvedAt: at(100), autoCloseAt: at(100 + 3 * 1440) });
    expect(plan).toEqual([{ jobId: expect.stringMatching(/^autoclose-tk-1-/), name: 'auto-close', at: at(100 + 3 * 1440) }]);
  });
});
