import { mergeSlaPolicy } from './sla-policy-overrides';
import { DEFAULT_SLA_POLICY_TABLE } from './sla-policy';

describe('mergeSlaPolicy: a site\'s overrides over the default table', () => {
  it('no overrides: the default table itself', () => {
    expect(mergeSlaPolicy(null)).toEqual({ ok: true, table: DEFAULT_SLA_POLICY_TABLE });
  });

  it('overrides one cell and keeps the rest', () => {
    const r = mergeSlaPolicy({ plumbing: { normal: { firstResponseMinutes: 30, resolutionMinutes: 120, hours: '24x7' } } });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.table.plumbing.normal).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 120, hours: '24x7' });
    expect(r.table.plumbing.high).toEqual(DEFAULT_SLA_POLICY_TABLE.plumbing.high);
    expect(r.table.elevator).toEqual(DEFAULT_SLA_POLICY_TABLE.elevator);
    // The default table is not mutated.
    expect(DEFAULT_SLA_POLICY_TABLE.plumbing.normal.firstResponseMinutes).toBe(240);
  });

  it('accepts seconds-long targets (fractions of a minute)', () => {
    expect(mergeSlaPolicy({ noise: { low: { firstResponseMinutes: 0.05, resolutionMinutes: 0.1, hours: '24x7' } } }).ok).toBe(true);
  });

  it('names every problem: unknown category or priority, bad numbers, business-hours emergencies', () => {
    const r = mergeSlaPolicy({
      pool: { normal: { firstResponseMinutes: 1, resolutionMinutes: 2, hours: '24x7' } },
      plumbing: { urgent: { firstResponseMinutes: 1, resolutionMinutes: 2, hours: '24x7' }, low: { firstResponseMinutes: 10, resolutionMinutes: 5, hours: 'business' } },
      electrical: { emergency: { firstResponseMinutes: 10, resolutionMinutes: 60, hours: 'business' } },
    } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'pool: not a ticket category',
        'plumbing.urgent: not a priority',
        'plumbing.low: resolution target is shorter than first response',
        'electrical.emergency: emergencies must run 24x7',
      ]),
    );
  });
});
