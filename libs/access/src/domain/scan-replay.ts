// At most one door command per scan. Every scan claims (device, event) in Redis with SET NX as soon
// as it is taken in hand, and this instance remembers the scans it answered. What a delivery gets
// depends on the claim, the broker's redelivery flag and the scan's age:
//  - taken (here or in Redis): another delivery was already answered → send nothing;
//  - claimed: the first to decide → answer, unless it is a redelivery older than STALE_SCAN_MS
//    (the person has walked away or tried again: a door must not open for nobody);
//  - a claim still pending when the decision is made is waited for: the claim was started before
//    the match, so the wait is the rest of one local Redis round trip at most, and without it a
//    duplicate delivered to another instance at the same moment would be answered twice;
//  - unknown (Redis down or slow past its timeout): answer a first delivery, stay silent on a
//    redelivery, which was most likely answered before.

export type ScanClaim = 'claimed' | 'taken' | 'unknown';

/** A redelivered scan older than this gets no command (its outcome is still recorded). */
export const STALE_SCAN_MS = 10_000;
export type ScanAnswerPlan = { answer: true } | { answer: false; why: 'already_answered' | 'stale_redelivery' | 'claim_unavailable' };

export function planScanAnswer(input: { claim: ScanClaim; redelivered: boolean; eventTs: number; now: number }): ScanAnswerPlan {
  if (input.claim === 'taken') return { answer: false, why: 'already_answered' };
  if (input.claim === 'unknown' && input.redelivered) return { answer: false, why: 'claim_unavailable' };
  // A device clock far ahead gives a negative age: only a clearly old redelivery counts as stale.
  if (input.redelivered && Number.isFinite(input.eventTs) && input.now - input.eventTs > STALE_SCAN_MS) return { answer: false, why: 'stale_redelivery' };
  return { answer: true };
}
