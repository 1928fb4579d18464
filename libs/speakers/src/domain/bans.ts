import { EpochMs, Instant, toEpochMs } from './daily-window';

export interface SpeakerBan {
  readonly residentId: string;
  // null: until lifted by staff.
  readonly until: EpochMs | null;
  readonly liftedAt: EpochMs | null;
  readonly reason: string;
}

export function isBanActive(ban: SpeakerBan, at: Instant): boolean {
  const now = toEpochMs(at);
  if (ban.liftedAt !== null && ban.liftedAt <= now) return false;
  return ban.until === null || now < ban.until;
}

export function isBanned(bans: readonly SpeakerBan[], residentId: string, at: Instant): boolean {
  return bans.some((ban) => ban.residentId === residentId && isBanActive(ban, at));
}

// When the resident may use the speakers again: null when not banned, 'indefinite' when a ban has no end.
export function bannedUntil(bans: readonly SpeakerBan[], residentId: string, at: Instant): EpochMs | 'indefinite' | null {
  const active = bans.filter((ban) => ban.residentId === residentId && isBanActive(ban, at));
  if (active.length === 0) return null;
  if (active.some((ban) => ban.until === null)) return 'indefinite';
  return Math.max(...active.map((ban) => ban.until as EpochMs));
}

export function validateBan(ban: SpeakerBan, at: Instant): string[] {
  const problems: string[] = [];
  if (!ban.residentId) problems.push('residentId is required');
  if (!ban.reason.trim()) problems.push('a reason is required');
  if (ban.until !== null && ban.until <= toEpochMs(at)) problems.push('until must be in the future');
  return problems;
}
