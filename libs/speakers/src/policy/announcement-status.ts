import { AnnouncementPlan, DeliveryStatus, EpochMs, summarizeDeliveries } from '../domain';

// The overall status of an announcement from its per-speaker deliveries, and how long one plays.

export type AnnouncementOverallStatus = 'scheduled' | 'sending' | 'playing' | 'delivered' | 'partial' | 'failed' | 'cancelled';

export interface AnnouncementFacts {
  scheduledAt: EpochMs | null;
  cancelled: boolean;
}

export function overallAnnouncementStatus(facts: AnnouncementFacts, deliveries: readonly DeliveryStatus[], now: EpochMs): AnnouncementOverallStatus {
  const summary = summarizeDeliveries(deliveries);
  if (facts.cancelled && !summary.complete) return 'cancelled';
  if (summary.total > 0 && summary.complete) {
    if (summary.byStatus.failed === 0) return 'delivered';
    return summary.byStatus.played === 0 ? 'failed' : 'partial';
  }
  if (summary.total === 0) return facts.cancelled ? 'cancelled' : 'failed';
  if (summary.byStatus.queued === summary.total && facts.scheduledAt !== null && now < facts.scheduledAt) return 'scheduled';
  if (summary.byStatus.acked + summary.byStatus.played > 0) return 'playing';
  return 'sending';
}

/** How many speakers reached played (for AnnouncementStatusPayload.delivered). */
export function deliveredCount(deliveries: readonly DeliveryStatus[]): number {
  return summarizeDeliveries(deliveries).byStatus.played;
}

export const MIN_ANNOUNCEMENT_MS = 3000;
export const MAX_ANNOUNCEMENT_MS = 5 * 60_000;

/** Spoken text runs about 4 characters a second (Chinese TTS ~ 4–5 chars/s); plus a chime. */
export function estimateAnnouncementMs(text: string | null, durationSeconds?: number | null): number {
  if (durationSeconds !== undefined && durationSeconds !== null) return Math.min(MAX_ANNOUNCEMENT_MS, Math.max(1000, Math.round(durationSeconds * 1000)));
  const spoken = text ? 1500 + text.length * 250 : 30_000;
  return Math.min(MAX_ANNOUNCEMENT_MS, Math.max(MIN_ANNOUNCEMENT_MS, spoken));
}

// Speakers report the end with `announcement.played`; for one that never does, "played" is
// inferred this long after the expected duration (late enough that a report normally wins).
export const PLAYED_REPORT_GRACE_MS = 5000;

/** When to infer "played" for a speaker that sent no `announcement.played` report. */
export function playedFallbackAt(startedAt: EpochMs, durationMs: number): EpochMs {
  return startedAt + durationMs + PLAYED_REPORT_GRACE_MS;
}

/** Emergency messages go stale fast; a normal one is pointless after a day. */
export function defaultAnnouncementExpiry(priority: 'normal' | 'emergency', dueAt: EpochMs): EpochMs {
  return dueAt + (priority === 'emergency' ? 15 * 60_000 : 24 * 3_600_000);
}

export function toAnnouncementPlan(row: { id: string; priority: 'normal' | 'emergency'; createdAt: Date; scheduledAt: Date | null; expiresAt: Date | null }): AnnouncementPlan {
  return {
    announcementId: row.id,
    priority: row.priority,
    createdAt: row.createdAt.getTime(),
    scheduledAt: row.scheduledAt?.getTime() ?? null,
    expiresAt: row.expiresAt?.getTime() ?? null,
  };
}
