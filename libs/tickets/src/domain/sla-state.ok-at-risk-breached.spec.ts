import { SlaSnapshot, slaState, toSlaSnapshot } from './sla-clock';

const d = (s: string) => new Date(s);
const base: SlaSnapshot = {
  firstResponseWarnAt: d('2025-06-02T02:00:00Z'),
  firstResponseDueAt: d('2025-06-02T03:00:00Z'),
  firstResponseMetAt: null,
  resolutionWarnAt: d('2025-06-03T02:00:00Z'),
  resolutionDueAt: d('2025-06-03T03:00:00Z'),
  resolutionMetAt: null,
  stoppedAt: null,
  paused: false,
};

describe('slaState', () => {
  it('is ok before 80 %, at risk from 80 %, breached from 100 %', () => {
    expect(slaState(d('2025-06-02T01:59:59Z'), base)).toBe('ok');
    expect(slaState(d('2025-06-02T02:00:00Z'), base)).toBe('at_risk');
    expect(slaState(d('2025-06-02T03:00:00Z'), base)).toBe('breached');
  });

  it('a first response met on the due instant is on time', () => {
    const s = { ...base, firstResponseMetAt: d('2025-06-02T03:00:00Z') };
    expect(slaState(d('2025-06-02T04:00:00Z'), s)).toBe('ok');
  });

  it('a first response met late stays breached', () => {
    const s = { ...base, firstResponseMetAt: d('2025-06-02T03:00:01Z') };
    expect(slaState(d('2025-06-02T04:00:00Z'), s)).toBe('breached');
  });

  it('takes the worse of the two targets', () => {
    const s = { ...base, firstResponseMetAt: d('2025-06-02T01:00:00Z') };
    expect(slaState(d('2025-06-03T02:30:00Z'), s)).toBe('at_risk');
  });

  it('a paused clock whose due times are unknown is ok', () => {
    const s = { ...base, firstResponseMetAt: d('2025-06-02T01:00:00Z'), resolutionWarnAt: null, resolutionDueAt: null, paused: true };
    expect(slaState(d('2025-07-01T00:00:00Z'), s)).toBe('ok');
  });

  it('toSlaSnapshot keeps only the stored columns', () => {
    const extended = { ...base, nextTarget: 'first_response', warnAt: null } as SlaSnapshot;
    expect(Object.keys(toSlaSnapshot(extended)).sort()).toEqual(Object.keys(base).sort());
  });
});
