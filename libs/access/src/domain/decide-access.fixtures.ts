// A small site shared by the decide-access scenario specs: two buildings, a perimeter gate, a door
// per building, a gym; the default policies; a resident, staff of each kind and a visitor pass.
import { DateTime } from 'luxon';
import { AccessCredential, AccessPerson, DecideAccessInput, VisitorPassView } from './decide-access';
import { defaultAccessPolicies, defaultResidentGroups, defaultStaffGroups, SiteDirectory } from './default-policies';
import { DEFAULT_LIVENESS_THRESHOLD, DEFAULT_MATCH_THRESHOLD } from './face-thresholds';
import { ResidentQrVerification } from './qr-token';

export const TZ = 'Asia/Shanghai';
export const THRESHOLDS = { match: DEFAULT_MATCH_THRESHOLD, liveness: DEFAULT_LIVENESS_THRESHOLD };

export const DIRECTORY: SiteDirectory = {
  siteId: 'site-1',
  buildingIds: ['b1', 'b2'],
  gates: [
    { id: 'gate-main', zone: 'perimeter' },
    { id: 'door-b1', zone: 'building', buildingId: 'b1' },
    { id: 'door-b2', zone: 'building', buildingId: 'b2' },
    { id: 'gym', zone: 'amenity' },
  ],
  holidays: [{ date: '2025-10-01', name: 'National Day' }],
};
export const POLICIES = defaultAccessPolicies(DIRECTORY);

/** Local wall-clock time at the site, e.g. at('2025-03-03T09:00') (a Monday). */
export const at = (local: string): Date => DateTime.fromISO(local, { zone: TZ }).toJSDate();
export const MONDAY_9AM = at('2025-03-03T09:00');

export const alice: AccessPerson = { id: 'alice', kind: 'resident', active: true, groupIds: defaultResidentGroups(['b1']), displayName: 'Alice' };
export const sam: AccessPerson = {
  id: 'sam',
  kind: 'staff',
  active: true,
  groupIds: defaultStaffGroups({ position: 'technician', skills: ['security'] }),
  displayName: 'Sam',
};
export const cleo: AccessPerson = { id: 'cleo', kind: 'staff', active: true, groupIds: defaultStaffGroups({ position: 'technician', skills: ['cleaning'] }) };

export const face = (person: AccessPerson | string, score = 0.62, liveness = 0.97): AccessCredential => ({
  kind: 'face',
  match: { personId: typeof person === 'string' ? person : person.id, score },
  liveness,
});
export const noFace = (liveness = 0.97): AccessCredential => ({ kind: 'face', match: null, liveness });
export const residentQr = (verification: ResidentQrVerification): AccessCredential => ({ kind: 'resident_qr', verification });

export const pass = (overrides: Partial<VisitorPassView> = {}): VisitorPassView => ({
  id: 'pass-1',
  status: 'active',
  usesLeft: 1,
  validFrom: at('2025-03-03T08:00'),
  validUntil: at('2025-03-03T20:00'),
  gateIds: null,
  visitorName: 'Victor',
  hostPersonId: 'alice',
  ...overrides,
});

export function input(overrides: Partial<DecideAccessInput> & Pick<DecideAccessInput, 'credential'>): DecideAccessInput {
  return {
    person: alice,
    policies: POLICIES,
    gate: { id: 'gate-main', mode: 'normal', timeZone: TZ },
    now: MONDAY_9AM,
    thresholds: THRESHOLDS,
    ...overrides,
  };
}

export const gate = (id: string, mode: 'normal' | 'lockdown' | 'emergency_open' = 'normal') => ({ id, mode, timeZone: TZ });
