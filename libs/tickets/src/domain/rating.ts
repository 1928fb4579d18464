// The resident's rating of a resolved ticket and what follows from it: a rating of 2 or less reopens
// the ticket for a follow-up visit, 3 or more closes it, and a resolved ticket nobody answers closes
// itself after N days.
import { DateTime } from 'luxon';
import { MAX_RESIDENT_REOPENS } from './ticket-workflow';
import { TicketStatus } from './ticket-status';

export const MIN_RATING = 1;
export const MAX_RATING = 5;
/** Ratings at or below this reopen the ticket for a follow-up. */
export const LOW_RATING_THRESHOLD = 2;
export const MAX_RATING_COMMENT_LENGTH = 1000;
export const DEFAULT_AUTO_CLOSE_DAYS = 3;

export interface RatingInput {
  score: number;
  comment?: string | null;
}

export interface RatableTicket {
  status: TicketStatus;
  reporterId: string;
  unitId?: string | null;
  resolvedAt: Date | null;
  /** When the current resolution was last rated (a reopened and re-resolved ticket can be rated again). */
  ratedAt?: Date | null;
  reopenCount?: number;
}

export interface RatingResident {
  id: string;
  unitIds?: readonly string[];
}

/**
 * What the service does next: 'reopen' (system transition resolved -> reopened with `reopenReason`),
 * 'close' (resolved -> closed), or 'notify_manager' when a low rating comes after the resident's
 * reopens are used up (a person follows up instead of another automatic round).
 */
export type RatingFollowUp = 'reopen' | 'close' | 'notify_manager';

export type RatingErrorCode = 'NOT_RESOLVED' | 'ALREADY_RATED' | 'NOT_REPORTER' | 'INVALID_SCORE' | 'COMMENT_TOO_LONG';

export type RatingResult =
  | { ok: true; rating: { score: number; comment: string | null; ratedAt: Date }; followUp: RatingFollowUp; reopenReason: string | null }
  | { ok: false; code: RatingErrorCode; message: string };

/** Checks and records a rating given by a resident of the ticket's household at `now`. */
export function rateTicket(ticket: RatableTicket, resident: RatingResident, input: RatingInput, now: Date): RatingResult {
  const household = ticket.reporterId === resident.id || (!!ticket.unitId && (resident.unitIds ?? []).includes(ticket.unitId));
  if (!household) return { ok: false, code: 'NOT_REPORTER', message: 'Only the household that reported a ticket can rate it' };
  if (ticket.status !== 'resolved' || !ticket.resolvedAt) return { ok: false, code: 'NOT_RESOLVED', message: 'A ticket can be rated only once it is resolved' };
  if (ticket.ratedAt && ticket.ratedAt.getTime() >= ticket.resolvedAt.getTime()) {
    return { ok: false, code: 'ALREADY_RATED', message: 'This resolution has already been rated' };
  }
  if (!Number.isInteger(input.score) || input.score < MIN_RATING || input.score > MAX_RATING) {
    return { ok: false, code: 'INVALID_SCORE', message: `The score must be a whole number from ${MIN_RATING} to ${MAX_RATING}` };
  }
  const comment = (input.comment ?? '').trim();
  if (comment.length > MAX_RATING_COMMENT_LENGTH) {
    return { ok: false, code: 'COMMENT_TOO_LONG', message: `The comment is longer than ${MAX_RATING_COMMENT_LENGTH} characters` };
  }
  const rating = { score: input.score, comment: comment || null, ratedAt: now };
  if (input.score > LOW_RATING_THRESHOLD) return { ok: true, rating, followUp: 'close', reopenReason: null };
  const reason = `Rated ${input.score}/${MAX_RATING}${comment ? `: ${comment}` : ''}`;
  if ((ticket.reopenCount ?? 0) >= MAX_RESIDENT_REOPENS) return { ok: true, rating, followUp: 'notify_manager', reopenReason: null };
  return { ok: true, rating, followUp: 'reopen', reopenReason: reason };
}

/**
 * When a resolved ticket closes itself: `days` calendar days after it was resolved. With a time zone
 * the wall-clock time is kept across a DST change (resolved 10:00 -> closes 10:00); without one it is
 * exactly days × 24 h.
 */
export function autoCloseDueAt(resolvedAt: Date, days: number = DEFAULT_AUTO_CLOSE_DAYS, timeZone?: string): Date {
  if (!Number.isFinite(days) || days <= 0) throw new RangeError(`auto-close days must be > 0, got ${days}`);
  if (!timeZone) return new Date(resolvedAt.getTime() + days * 86_400_000);
  const local = DateTime.fromJSDate(resolvedAt, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`'${timeZone}' is not an IANA time zone`);
  return local.plus({ days }).toJSDate();
}

/** A resolved ticket nobody rated or reopened closes once its auto-close time has come. */
export function shouldAutoClose(ticket: Pick<RatableTicket, 'status' | 'resolvedAt' | 'ratedAt'>, now: Date, days: number = DEFAULT_AUTO_CLOSE_DAYS, timeZone?: string): boolean {
  if (ticket.status !== 'resolved' || !ticket.resolvedAt) return false;
  if (ticket.ratedAt && ticket.ratedAt.getTime() >= ticket.resolvedAt.getTime()) return false;
  return now.getTime() >= autoCloseDueAt(ticket.resolvedAt, days, timeZone).getTime();
}

/** Stable BullMQ id of a ticket's auto-close job (no ':'); a new resolution time gives a new id. */
export function autoCloseJobId(ticketId: string, resolvedAtEpoch: number): string {
  return `autoclose-${ticketId.replace(/[^A-Za-z0-9_.-]/g, '_')}-${Math.trunc(resolvedAtEpoch)}`;
}
