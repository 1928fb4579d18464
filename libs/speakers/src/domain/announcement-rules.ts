import { EpochMs } from './daily-window';
import { AnnouncementPriority } from './speaker-state';

export type AnnouncementTarget =
  | { readonly kind: 'speaker'; readonly speakerId: string }
  | { readonly kind: 'zone'; readonly zoneId: string }
  | { readonly kind: 'site'; readonly siteId: string };

export interface AnnouncementPlan {
  readonly announcementId: string;
  readonly priority: AnnouncementPriority;
  readonly createdAt: EpochMs;
  // Play at this time (normal announcements only wait for a gap when unscheduled).
  readonly scheduledAt: EpochMs | null;
  // Past this, delivery is pointless (a stale emergency message would mislead): mark it failed.
  readonly expiresAt: EpochMs | null;
}

export interface DirectoryEntry {
  readonly speakerId: string;
  readonly zoneId: string;
  readonly siteId: string;
}

// The slice of a speaker's live state an announcement decision needs (SpeakerState fits).
export interface SpeakerAirtime {
  readonly online: boolean;
  readonly session: unknown | null;
  readonly announcement: { readonly announcementId: string; readonly priority: AnnouncementPriority } | null;
  readonly quiet: boolean;
}

export type AnnouncementWaitReason = 'scheduled' | 'speaker_offline' | 'announcement_playing' | 'session_running' | 'quiet_hours';

export type AnnouncementDecision =
  | { readonly action: 'play_now'; readonly interruptsSession: boolean; readonly preempts: string | null }
  | { readonly action: 'wait'; readonly reason: AnnouncementWaitReason; readonly retryAt: EpochMs | null }
  | { readonly action: 'expire' };

// Emergency first, then by due time (scheduled time or creation), then id for a total order.
export function compareAnnouncements(a: AnnouncementPlan, b: AnnouncementPlan): number {
  const rank = (plan: AnnouncementPlan): number => (plan.priority === 'emergency' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const due = (plan: AnnouncementPlan): EpochMs => plan.scheduledAt ?? plan.createdAt;
  if (due(a) !== due(b)) return due(a) - due(b);
  return a.announcementId < b.announcementId ? -1 : a.announcementId > b.announcementId ? 1 : 0;
}

// Whether an announcement may start on one speaker now.
// Emergency: at once, over resident music and over a normal announcement (not over another emergency).
// Normal: at its scheduled time (talking over a session, whose time is given back), or, when
// unscheduled, in the next gap — no session, no announcement, not in quiet hours.
export function decideAnnouncementStart(
  plan: AnnouncementPlan,
  speaker: SpeakerAirtime,
  now: EpochMs,
  quietEndsAt: EpochMs | null = null,
): AnnouncementDecision {
  if (plan.expiresAt !== null && now >= plan.expiresAt) return { action: 'expire' };
  if (plan.scheduledAt !== null && now < plan.scheduledAt) return { action: 'wait', reason: 'scheduled', retryAt: plan.scheduledAt };
  if (!speaker.online) return { action: 'wait', reason: 'speaker_offline', retryAt: null };
  const playing = speaker.announcement;
  const hasSession = speaker.session !== null;
  if (plan.priority === 'emergency') {
    if (playing && playing.announcementId !== plan.announcementId && playing.priority === 'emergency') {
      return { action: 'wait', reason: 'announcement_playing', retryAt: null };
    }
    const preempts = playing && playing.announcementId !== plan.announcementId ? playing.announcementId : null;
    return { action: 'play_now', interruptsSession: hasSession, preempts };
  }
  if (playing && playing.announcementId !== plan.announcementId) return { action: 'wait', reason: 'announcement_playing', retryAt: null };
  if (plan.scheduledAt !== null) return { action: 'play_now', interruptsSession: hasSession, preempts: null };
  if (speaker.quiet) return { action: 'wait', reason: 'quiet_hours', retryAt: quietEndsAt };
  if (hasSession) return { action: 'wait', reason: 'session_running', retryAt: null };
  return { action: 'play_now', interruptsSession: false, preempts: null };
}

// The first of a speaker's pending announcements that may start now (null: none).
export function nextAnnouncementToPlay(
  pending: readonly AnnouncementPlan[],
  speaker: SpeakerAirtime,
  now: EpochMs,
): { readonly plan: AnnouncementPlan; readonly decision: AnnouncementDecision & { action: 'play_now' } } | null {
  for (const plan of [...pending].sort(compareAnnouncements)) {
    const decision = decideAnnouncementStart(plan, speaker, now);
    if (decision.action === 'play_now') return { plan, decision };
  }
  return null;
}

// Speaker ids an announcement goes to, from a snapshot of the speaker directory (sorted, unique).
export function expandTarget(target: AnnouncementTarget, directory: readonly DirectoryEntry[]): string[] {
  const matches = directory.filter((entry) => {
    switch (target.kind) {
      case 'speaker':
        return entry.speakerId === target.speakerId;
      case 'zone':
        return entry.zoneId === target.zoneId;
      case 'site':
        return entry.siteId === target.siteId;
    }
  });
  return [...new Set(matches.map((entry) => entry.speakerId))].sort();
}

// ---- per-speaker delivery ----

export type DeliveryStatus = 'queued' | 'sent' | 'acked' | 'played' | 'failed';

const DELIVERY_ORDER: Record<DeliveryStatus, number> = { queued: 0, sent: 1, acked: 2, played: 3, failed: 3 };

export type DeliveryTransition =
  | { readonly ok: true; readonly status: DeliveryStatus; readonly changed: boolean }
  | { readonly ok: false; readonly status: DeliveryStatus; readonly message: string };

// queued → sent → acked → played | failed. Steps may be skipped forward (an ack can be lost while
// the played report arrives), repeats are no-ops, and nothing leaves played or failed.
export function transitionDelivery(current: DeliveryStatus, next: DeliveryStatus): DeliveryTransition {
  if (current === next) return { ok: true, status: current, changed: false };
  if (current === 'played' || current === 'failed') {
    return { ok: false, status: current, message: `delivery already ${current}, cannot become ${next}` };
  }
  if (DELIVERY_ORDER[next] <= DELIVERY_ORDER[current]) {
    return { ok: false, status: current, message: `delivery cannot go back from ${current} to ${next}` };
  }
  return { ok: true, status: next, changed: true };
}

export interface DeliverySummary {
  readonly total: number;
  readonly byStatus: Readonly<Record<DeliveryStatus, number>>;
  // Every speaker reached a final status (played or failed).
  readonly complete: boolean;
}

export function summarizeDeliveries(statuses: readonly DeliveryStatus[]): DeliverySummary {
  const byStatus: Record<DeliveryStatus, number> = { queued: 0, sent: 0, acked: 0, played: 0, failed: 0 };
  for (const status of statuses) byStatus[status]++;
  return { total: statuses.length, byStatus, complete: byStatus.played + byStatus.failed === statuses.length };
}
