import { decideAccess } from './decide-access';
import { alice, at, cleo, DIRECTORY, face, input } from './decide-access.fixtures';
import { defaultAccessPolicies } from './default-policies';
import { CustomAccessPolicy, effectiveAccessPolicies, EMPTY_SITE_ACCESS_CONFIG, SiteAccessConfig, sitePolicyViews } from './site-access-config';

// The fixtures' site without holidays: here holidays come from the site's configuration.
const { holidays: _fixtureHolidays, ...SITE } = DIRECTORY;
const CLEANING_DEFAULT = 'default:site-1:staff:cleaning';
const RESIDENTS_PERIMETER = 'default:site-1:residents:perimeter';

const custom = (p: Partial<CustomAccessPolicy>): CustomAccessPolicy => ({
  id: 'c1',
  groupId: 'staff:cleaning',
  gateIds: ['gate-main'],
  windows: null,
  followsHolidays: false,
  label: 'Custom',
  enabled: true,
  ...p,
});
const config = (p: Partial<SiteAccessConfig>): SiteAccessConfig => ({ ...EMPTY_SITE_ACCESS_CONFIG, ...p });
const decide = (cfg: SiteAccessConfig, person = cleo, gateId = 'gate-main', now = at('2025-03-03T09:00')) =>
  decideAccess(input({ credential: face(person), person, policies: effectiveAccessPolicies(SITE, cfg), gate: { id: gateId, mode: 'normal', timeZone: 'Asia/Shanghai' }, now }));

describe('site access configuration: merging defaults, custom policies and holidays', () => {
  it('a site with no configuration decides by the defaults alone', () => {
    expect(effectiveAccessPolicies(SITE, EMPTY_SITE_ACCESS_CONFIG)).toEqual(defaultAccessPolicies({ ...SITE, holidays: [] }));
    expect(decide(EMPTY_SITE_ACCESS_CONFIG)).toMatchObject({ decision: 'granted', reason: 'policy' });
  });

  it('a default switched off by id stops granting; the others stay', () => {
    const off = config({ disabledDefaults: [RESIDENTS_PERIMETER] });
    expect(decide(off, alice)).toMatchObject({ decision: 'denied', reason: 'not_authorized' });
    expect(decide(off, alice, 'door-b1')).toMatchObject({ decision: 'granted' });
    const views = sitePolicyViews(SITE, off);
    expect(views.find((v) => v.id === RESIDENTS_PERIMETER)).toMatchObject({ source: 'default', enabled: false });
  });

  it('a custom policy adds to the defaults (a gate opens when any policy is open)', () => {
    // Cleaning staff at 21:00 on a Monday: outside the default 06:00-20:00, inside a custom evening window.
    const evening = at('2025-03-03T21:00');
    expect(decide(EMPTY_SITE_ACCESS_CONFIG, cleo, 'gate-main', evening)).toMatchObject({ decision: 'denied', reason: 'outside_schedule' });
    const late = config({ custom: [custom({ windows: [{ days: [1], from: '20:00', to: '23:00' }] })] });
    expect(decide(late, cleo, 'gate-main', evening)).toMatchObject({ decision: 'granted' });
    expect(decide(config({ custom: [custom({ windows: [{ days: [1], from: '20:00', to: '23:00' }], enabled: false })] }), cleo, 'gate-main', evening)).toMatchObject({
      decision: 'denied',
      reason: 'outside_schedule',
    });
  });

  it('replacing a default = switching it off and adding a custom policy', () => {
    const shorter = config({ disabledDefaults: [CLEANING_DEFAULT], custom: [custom({ gateIds: ['gate-main', 'door-b1'], windows: [{ days: [1, 2, 3, 4, 5], from: '10:00', to: '14:00' }] })] });
    expect(decide(shorter)).toMatchObject({ decision: 'denied', reason: 'outside_schedule' });
    expect(decide(shorter, cleo, 'gate-main', at('2025-03-03T10:30'))).toMatchObject({ decision: 'granted' });
    expect(decide(shorter, cleo, 'gym', at('2025-03-03T10:30'))).toMatchObject({ decision: 'denied', reason: 'not_authorized' });
  });

  it('a site holiday closes the cleaning staff’s default schedule, a partial-day holiday opens only its window', () => {
    const holidays = config({ holidays: [{ date: '2025-03-03', name: 'Closed Monday' }, { date: '2025-03-04', name: 'Half day', windows: [{ from: '08:00', to: '12:00' }] }] });
    expect(decide(holidays)).toMatchObject({ decision: 'denied', reason: 'outside_schedule' });
    expect(decide(holidays, cleo, 'gate-main', at('2025-03-04T09:00'))).toMatchObject({ decision: 'granted' });
    expect(decide(holidays, cleo, 'gate-main', at('2025-03-04T13:00'))).toMatchObject({ decision: 'denied', reason: 'outside_schedule' });
    expect(decide(holidays, cleo, 'gate-main', at('2025-03-05T09:00'))).toMatchObject({ decision: 'granted' });
  });

  it('residents pass on holidays; a custom policy follows holidays only when it says so', () => {
    const holiday = { date: '2025-03-03', name: 'Closed Monday' };
    expect(decide(config({ holidays: [holiday] }), alice)).toMatchObject({ decision: 'granted' });
    const always = config({ holidays: [holiday], disabledDefaults: [CLEANING_DEFAULT], custom: [custom({ windows: null, followsHolidays: false })] });
    expect(decide(always)).toMatchObject({ decision: 'granted' });
    const closedOnHolidays = config({ holidays: [holiday], disabledDefaults: [CLEANING_DEFAULT], custom: [custom({ windows: null, followsHolidays: true })] });
    expect(decide(closedOnHolidays)).toMatchObject({ decision: 'denied', reason: 'outside_schedule' });
    expect(decide(closedOnHolidays, cleo, 'gate-main', at('2025-03-04T03:00'))).toMatchObject({ decision: 'granted' });
  });

  it('lists every policy with its origin, and only the enabled ones take effect', () => {
    const cfg = config({ disabledDefaults: [CLEANING_DEFAULT], custom: [custom({ id: 'c-off', enabled: false }), custom({ id: 'c-on' })] });
    const views = sitePolicyViews(SITE, cfg);
    expect(views.filter((v) => v.source === 'custom').map((v) => [v.id, v.enabled])).toEqual([
      ['c-off', false],
      ['c-on', true],
    ]);
    const effective = effectiveAccessPolicies(SITE, cfg).map((p) => p.id);
    expect(effective).toContain('c-on');
    expect(effective).not.toContain('c-off');
    expect(effective).not.toContain(CLEANING_DEFAULT);
  });
});
