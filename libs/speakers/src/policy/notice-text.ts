import { ResidentNotice } from '../domain';

// The line a resident's app shows for a speaker notice (pushed as a `notification` event). Pairing
// codes are never put in a push: the app gets them from the API answer or GET /speakers/{id}.

const minutes = (ms: number): string => {
  const m = Math.round(ms / 60_000);
  return m <= 1 ? 'a minute' : `${m} minutes`;
};

export function noticeTitle(notice: ResidentNotice, speakerName: string, now: number): string {
  switch (notice.kind) {
    case 'pairing':
      return `${speakerName}: pair your phone now, your code is valid for ${minutes(notice.until - now)}`;
    case 'reconnect_window':
      return `${speakerName}: your phone dropped out, reconnect with the new code within ${minutes(notice.until - now)}`;
    case 'turn_offered':
      return `${speakerName}: it is your turn, claim it within ${minutes(notice.claimDeadline - now)}`;
    case 'turn_missed':
      return `${speakerName}: your turn passed to the next resident`;
    case 'turn_withdrawn':
      return `${speakerName}: your turn is on hold (${notice.reason.replace(/_/g, ' ')}); you keep your place`;
    case 'session_started':
      return `${speakerName}: connected, enjoy your music`;
    case 'session_reconnected':
      return `${speakerName}: reconnected`;
    case 'session_ending_soon':
      return `${speakerName}: your session ends in ${minutes(notice.endsAt - now)}`;
    case 'session_ended':
      return `${speakerName}: your session ended (${notice.reason.replace(/_/g, ' ')})${notice.note ? `: ${notice.note}` : ''}`;
    case 'session_interrupted':
      return `${speakerName}: an announcement is playing; your time is paused`;
    case 'session_resumed':
      return `${speakerName}: your music is back${notice.givenBackMs > 0 ? `, ${Math.round(notice.givenBackMs / 1000)} s added to your session` : ''}`;
    case 'volume_clamped':
      return `${speakerName}: volume limited to ${notice.cap}`;
    case 'queue_paused':
      return `${speakerName}: the queue is paused (${notice.reason.replace(/_/g, ' ')})`;
  }
}

/** The notice without its secret (pairing codes stay out of pushes). */
export function noticeData(notice: ResidentNotice): Record<string, unknown> {
  if (notice.kind === 'pairing' || notice.kind === 'reconnect_window') {
    const { code: _code, ...rest } = notice;
    return rest;
  }
  return { ...notice };
}

// What a resident may still need later goes to their inbox (and live); the rest describes the
// moment the app is showing anyway (pairing, connected, interrupted…) and is pushed live only.
const LIVE_ONLY: ReadonlySet<ResidentNotice['kind']> = new Set(['pairing', 'reconnect_window', 'session_started', 'session_reconnected', 'session_interrupted', 'session_resumed']);

export function keptInInbox(notice: ResidentNotice): boolean {
  return !LIVE_ONLY.has(notice.kind);
}

/** The inbox line for a ban (the ban itself, not the session it ended). */
export function banNoticeTitle(reason: string, until: number | null): string {
  const how = until === null ? 'until staff lift it' : `until ${new Date(until).toISOString()}`;
  return `You may not use the community speakers ${how}: ${reason}`;
}
