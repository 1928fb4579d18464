import { AccessPerson, decideAccess } from './decide-access';
import { alice, at, cleo, DIRECTORY, face, input, sam } from './decide-access.fixtures';
import { defaultResidentGroups } from './default-policies';
import { offlineLibraryRule, offlineStandingChanged, OfflineLibraryCandidate } from './offline-face-library';
import { CustomAccessPolicy, effectiveAccessPolicies, EMPTY_SITE_ACCESS_CONFIG, SiteAccessConfig } from './site-access-config';
import { ALL_WEEK } from './weekly-schedule';

// The fixtures' site: perimeter gate-main, door-b1, door-b2, a gym (residents 06:00-22:00), National Day holiday.
const SITE = 'site-1';
const bob: AccessPerson = { id: 'bob', kind: 'resident', active: true, groupIds: defaultResidentGroups(['b2']) };
const of = (person: AccessPerson, siteIds: readonly string[] = [SITE]): OfflineLibraryCandidate => ({ person, siteIds });
const custom = (p: Partial<CustomAccessPolicy>): CustomAccessPolicy => ({ id: 'c1', groupId: 'residents', gateIds: ['gym'], windows: null, followsHolidays: false, label: 'Custom', enabled: true, ...p });
const policiesWith = (config: Partial<SiteAccessConfig> = {}) => effectiveAccessPolicies(DIRECTORY, { ...EMPTY_SITE_ACCESS_CONFIG, ...config });
/** Who of these people the gate's library holds. */
const library = (gateId: string, people: AccessPerson[], config: Partial<SiteAccessConfig> = {}) => {
  const admits = offlineLibraryRule(policiesWith(config), { id: gateId, siteId: SITE });
  return people.filter((p) => admits(of(p))).map((p) => p.id);
};
const EVERYONE = [alice, bob, sam, cleo];

describe("a gate's offline face library holds only the people the gate admits around the clock", () => {
  it('a building door holds its own residents and round-the-clock staff, not the other building', () => {
    expect(library('door-b1', EVERYONE)).toEqual(['alice', 'sam']);
    expect(library('door-b2', EVERYONE)).toEqual(['bob', 'sam']);
  });

  it('the perimeter gate holds every resident of the site', () => {
    expect(library('gate-main', EVERYONE)).toEqual(['alice', 'bob', 'sam']);
  });

  it('scheduled access fails safe: the gym (06:00-22:00) and daytime cleaning staff are left out', () => {
    expect(library('gym', EVERYONE)).toEqual(['sam']);
    expect(library('gate-main', [cleo])).toEqual([]);
  });

  it('follows the site configuration: a default switched off, a custom policy around the clock added', () => {
    expect(library('door-b1', EVERYONE, { disabledDefaults: ['default:site-1:residents:b1'] })).toEqual(['sam']);
    expect(library('gym', EVERYONE, { custom: [custom({})] })).toEqual(['alice', 'bob', 'sam']);
    expect(library('gym', EVERYONE, { custom: [custom({ enabled: false })] })).toEqual(['sam']);
  });

  it('leaves out custom policies that a clock decides: weekly windows, or following the holidays', () => {
    const windows = [{ days: ALL_WEEK, from: '00:00', to: '23:00' }];
    expect(library('gym', [alice], { custom: [custom({ windows })] })).toEqual([]);
    const holidays = [{ date: '2025-10-01', name: 'National Day' }];
    expect(library('gym', [alice], { custom: [custom({ followsHolidays: true })], holidays })).toEqual([]);
    // Following holidays when the site has none is still around the clock.
    expect(library('gym', [alice], { custom: [custom({ followsHolidays: true })] })).toEqual(['alice']);
  });

  it('holds nobody who is not in good standing, of another site, or unknown', () => {
    const admits = offlineLibraryRule(policiesWith(), { id: 'gate-main', siteId: SITE });
    expect(admits(of({ ...alice, active: false }))).toBe(false);
    expect(admits(of({ ...alice, movedOut: true }))).toBe(false);
    expect(admits(of({ ...alice, banned: true }))).toBe(false);
    expect(admits(of(alice, ['site-2']))).toBe(false);
    expect(admits(undefined)).toBe(false);
    expect(admits(of(alice))).toBe(true);
  });

  it('is never looser than the online decision: whoever a library holds is granted there at any hour', () => {
    const configs: Partial<SiteAccessConfig>[] = [{}, { custom: [custom({})] }, { disabledDefaults: ['default:site-1:residents:perimeter'] }];
    const instants = [at('2025-03-03T03:00'), at('2025-03-09T23:30'), at('2025-10-01T12:00')];
    let checked = 0;
    for (const config of configs) {
      for (const gate of DIRECTORY.gates) {
        const admits = offlineLibraryRule(policiesWith(config), { id: gate.id, siteId: SITE });
        for (const person of EVERYONE.filter((p) => admits(of(p)))) {
          for (const now of instants) {
            const d = decideAccess(input({ credential: face(person), person, policies: policiesWith(config), gate: { id: gate.id, mode: 'normal', timeZone: 'Asia/Shanghai' }, now }));
            expect([gate.id, person.id, d.decision]).toEqual([gate.id, person.id, 'granted']);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('which person changes may move a face between libraries', () => {
  it('a move to another building or out of good standing does; the same groups in another order do not', () => {
    expect(offlineStandingChanged(alice, { ...alice, groupIds: defaultResidentGroups(['b2']) })).toBe(true);
    expect(offlineStandingChanged(alice, { ...alice, groupIds: defaultResidentGroups(['b1', 'b2']) })).toBe(true);
    expect(offlineStandingChanged(alice, { ...alice, active: false })).toBe(true);
    expect(offlineStandingChanged(alice, { ...alice, groupIds: [...alice.groupIds].reverse(), displayName: 'Al' })).toBe(false);
  });
});
