import { MAX_PASS_USES, visitorPassProblems, visitorPassStatus } from './visitor-pass-rules';

const now = Date.parse('2026-05-01T08:00:00Z');
const h = 3600 * 1000;
const gates = new Set(['gate-a', 'gate-b']);

describe('issuing a visitor pass', () => {
  it('accepts an evening pass for two uses at one gate of the site', () => {
    expect(visitorPassProblems({ validFrom: new Date(now + h), validUntil: new Date(now + 5 * h), maxUses: 2, gateIds: ['gate-a'] }, gates, now)).toEqual([]);
  });

  it('names every bad field at once', () => {
    const problems = visitorPassProblems({ validFrom: new Date(now + 5 * h), validUntil: new Date(now + h), maxUses: MAX_PASS_USES + 1, gateIds: ['gate-a', 'gate-elsewhere'] }, gates, now);
    expect(problems.map((p) => p.field)).toEqual(['validUntil', 'maxUses', 'gateIds.1']);
  });

  it('refuses a pass that already ended, or one longer than a month', () => {
    expect(visitorPassProblems({ validFrom: new Date(now - 3 * h), validUntil: new Date(now - h), maxUses: 1 }, gates, now).map((p) => p.field)).toEqual(['validUntil']);
    expect(visitorPassProblems({ validFrom: new Date(now), validUntil: new Date(now + 40 * 24 * h), maxUses: 1 }, gates, now)[0].reason).toMatch(/31 days/);
  });
});

describe('what a pass shows', () => {
  const base = { status: 'active' as const, validFrom: new Date(now - h), validUntil: new Date(now + h), maxUses: 1, uses: 0 };
  it('is active inside its window with uses left', () => expect(visitorPassStatus(base, now)).toBe('active'));
  it('is upcoming before its window', () => expect(visitorPassStatus({ ...base, validFrom: new Date(now + 10) }, now)).toBe('upcoming'));
  it('is used up once every use is taken', () => expect(visitorPassStatus({ ...base, uses: 1 }, now)).toBe('used_up'));
  it('is expired after its window, even with uses left', () => expect(visitorPassStatus({ ...base, validUntil: new Date(now) }, now)).toBe('expired'));
  it('is revoked whatever else is true', () => expect(visitorPassStatus({ ...base, status: 'revoked', uses: 1 }, now)).toBe('revoked'));
});
