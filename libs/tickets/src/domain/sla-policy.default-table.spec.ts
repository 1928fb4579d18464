import { TICKET_CATEGORIES } from './categories';
import { DEFAULT_SLA_POLICY_TABLE, SlaPolicyTable, slaPolicyFor, validateSlaPolicyTable } from './sla-policy';

describe('SLA policy table', () => {
  it('the default table is complete and valid', () => {
    expect(validateSlaPolicyTable(DEFAULT_SLA_POLICY_TABLE)).toEqual([]);
  });

  it('runs every emergency on the 24/7 clock', () => {
    for (const category of TICKET_CATEGORIES) expect(slaPolicyFor(category, 'emergency').hours).toBe('24x7');
  });

  it('gives a trapped-in-the-lift emergency the tightest target', () => {
    expect(slaPolicyFor('elevator', 'emergency')).toEqual({ firstResponseMinutes: 10, resolutionMinutes: 60, hours: '24x7' });
    expect(slaPolicyFor('plumbing', 'emergency')).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240, hours: '24x7' });
  });

  it('keeps ordinary work on business hours and security/noise round the clock', () => {
    expect(slaPolicyFor('plumbing', 'normal')).toEqual({ firstResponseMinutes: 240, resolutionMinutes: 1440, hours: 'business' });
    expect(slaPolicyFor('landscaping', 'low')).toEqual({ firstResponseMinutes: 480, resolutionMinutes: 4320, hours: 'business' });
    expect(slaPolicyFor('noise', 'normal')).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 720, hours: '24x7' });
    expect(slaPolicyFor('security', 'high').hours).toBe('24x7');
  });

  it('forces 24/7 on an emergency even when a custom table says business hours', () => {
    const custom: SlaPolicyTable = {
      ...DEFAULT_SLA_POLICY_TABLE,
      cleaning: { ...DEFAULT_SLA_POLICY_TABLE.cleaning, emergency: { firstResponseMinutes: 30, resolutionMinutes: 120, hours: 'business' } },
    };
    expect(slaPolicyFor('cleaning', 'emergency', custom)).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 120, hours: '24x7' });
    expect(validateSlaPolicyTable(custom)).toEqual(['cleaning.emergency: emergencies must run 24x7']);
  });

  it('rejects empty and inverted targets', () => {
    const custom: SlaPolicyTable = {
      ...DEFAULT_SLA_POLICY_TABLE,
      other: { ...DEFAULT_SLA_POLICY_TABLE.other, low: { firstResponseMinutes: 0, resolutionMinutes: -5, hours: 'business' } },
    };
    expect(validateSlaPolicyTable(custom)).toEqual([
      'other.low.firstResponseMinutes must be > 0',
      'other.low.resolutionMinutes must be > 0',
      'other.low: resolution target is shorter than first response',
    ]);
  });
});
