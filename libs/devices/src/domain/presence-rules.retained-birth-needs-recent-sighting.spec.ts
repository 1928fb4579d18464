import { planStatusMessage } from './presence-rules';

describe('presence: status messages (birth and Last Will)', () => {
  const now = new Date('2026-01-01T10:00:00.000Z');

  it('a live birth brings the device online and counts as a sighting', () => {
    expect(planStatusMessage({ online: true }, false, now, 30)).toEqual({ action: 'online', reason: 'birth', touchLastSeen: true, seenSince: null });
  });

  it('a retained birth replayed at subscribe time only confirms a device seen within the offline window', () => {
    const plan = planStatusMessage({ online: true }, true, now, 30);
    expect(plan).toEqual({ action: 'online', reason: 'birth', touchLastSeen: false, seenSince: new Date('2026-01-01T09:58:30.000Z') });
  });

  it('a will takes the device offline, live or retained', () => {
    expect(planStatusMessage({ online: false }, false, now, 30)).toEqual({ action: 'offline', reason: 'will' });
    expect(planStatusMessage({ online: false }, true, now, 30)).toEqual({ action: 'offline', reason: 'will' });
  });
});
