import { bannedUntil, isBanned, SpeakerBan, validateBan } from './bans';

const NOW = Date.UTC(2025, 5, 2, 12);
const HOUR = 3_600_000;
const ban = (overrides: Partial<SpeakerBan> = {}): SpeakerBan => ({
  residentId: 'mallory',
  until: NOW + 24 * HOUR,
  liftedAt: null,
  reason: 'played music at full volume at 23:00',
  ...overrides,
});

describe('speaker bans', () => {
  it('applies until its end time, and only to that resident', () => {
    const bans = [ban()];
    expect(isBanned(bans, 'mallory', NOW)).toBe(true);
    expect(isBanned(bans, 'mallory', NOW + 24 * HOUR - 1)).toBe(true);
    expect(isBanned(bans, 'mallory', NOW + 24 * HOUR)).toBe(false);
    expect(isBanned(bans, 'alice', NOW)).toBe(false);
  });

  it('ends early when staff lift it', () => {
    expect(isBanned([ban({ liftedAt: NOW + HOUR })], 'mallory', NOW + 2 * HOUR)).toBe(false);
    expect(isBanned([ban({ liftedAt: NOW + HOUR })], 'mallory', NOW)).toBe(true);
  });

  it('an open-ended ban lasts until lifted', () => {
    expect(isBanned([ban({ until: null })], 'mallory', NOW + 1000 * HOUR)).toBe(true);
    expect(bannedUntil([ban(), ban({ until: null })], 'mallory', NOW)).toBe('indefinite');
  });

  it('reports the latest end among overlapping bans, or null', () => {
    expect(bannedUntil([ban(), ban({ until: NOW + 48 * HOUR })], 'mallory', NOW)).toBe(NOW + 48 * HOUR);
    expect(bannedUntil([ban()], 'alice', NOW)).toBeNull();
  });

  it('validates a new ban', () => {
    expect(validateBan(ban(), NOW)).toEqual([]);
    expect(validateBan(ban({ until: NOW, reason: ' ' }), NOW)).toEqual(['a reason is required', 'until must be in the future']);
  });
});
