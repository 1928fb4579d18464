import { DEFAULT_SESSION_TIMINGS, ZONE_RULE_DEFAULTS } from '../domain';
import { mergeZoneRules, mergeZoneTimings, rulesShapeProblems, sessionTimingsOf } from './zone-input';

const TZ = 'Asia/Shanghai';

describe('zone rules and timings from an HTTP body', () => {
  it('fills the defaults on create and keeps them stored in full', () => {
    const check = mergeZoneRules(null, { volumeCap: 55 }, TZ);
    expect(check).toEqual({ ok: true, rules: { ...ZONE_RULE_DEFAULTS, volumeCap: 55, backgroundMusic: [] } });
  });

  it('merges quiet hours field by field over the current rules', () => {
    const base = mergeZoneRules(null, { quietHours: { from: '21:30', volumeCap: 20 } }, TZ);
    if (!base.ok) throw new Error('base rules refused');
    const next = mergeZoneRules(base.rules, { quietHours: { to: '06:30' } }, TZ);
    expect(next.ok && next.rules.quietHours).toEqual({ from: '21:30', to: '06:30', volumeCap: 20 });
  });

  it('names unknown keys and wrong JSON types before the values are looked at', () => {
    expect(rulesShapeProblems({ loudness: 3, volumeCap: 'high', quietHours: { from: 22 }, openingHours: { from: '08:00', to: '20:00', days: 'weekdays' } })).toEqual([
      { field: 'rules.loudness', reason: 'is not a zone rule' },
      { field: 'rules.volumeCap', reason: 'must be a number' },
      { field: 'rules.quietHours.from', reason: 'must be a string HH:mm' },
      { field: 'rules.openingHours.days', reason: 'must be an array of ISO weekdays 1..7' },
    ]);
  });

  it('lists every bad value at once, each under its field', () => {
    const check = mergeZoneRules(null, { volumeCap: 150, quietHours: { from: '25:00' }, maxSessionMinutes: 0 }, TZ);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.field).sort()).toEqual(['rules.maxSessionMinutes', 'rules.quietHours.from', 'rules.volumeCap']);
  });

  it('allows null only where a rule may be off (lock, opening hours, daily cap)', () => {
    expect(mergeZoneRules(null, { volumeLock: null, openingHours: null, dailySessionCap: null }, TZ).ok).toBe(true);
    expect(rulesShapeProblems({ volumeCap: null })).toEqual([{ field: 'rules.volumeCap', reason: 'must be a number' }]);
  });

  it('timings are whole seconds within bounds; null removes an override', () => {
    expect(mergeZoneTimings({}, { claimSeconds: 5, pairingSeconds: 30 })).toEqual({ ok: true, timings: { claimSeconds: 5, pairingSeconds: 30 } });
    expect(mergeZoneTimings({ claimSeconds: 5 }, { claimSeconds: null })).toEqual({ ok: true, timings: {} });
    const bad = mergeZoneTimings({}, { claimSeconds: 1, warningSeconds: 2.5, nap: 3 });
    expect(bad.ok === false && bad.problems.map((p) => p.field)).toEqual(['timings.nap', 'timings.claimSeconds', 'timings.warningSeconds']);
  });

  it('turns stored seconds into the reducer timings, defaults elsewhere', () => {
    expect(sessionTimingsOf({ claimSeconds: 5, warningSeconds: 20 })).toEqual({ ...DEFAULT_SESSION_TIMINGS, claimMs: 5000, warningMs: 20_000 });
  });
});
