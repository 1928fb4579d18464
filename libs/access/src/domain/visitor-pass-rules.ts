// Visitor passes: what a resident may issue, and the status a pass shows (derived, never stored
// except for revocation, so a pass expires or runs out without any job touching it).
import type { VisitorPassView } from './decide-access';

export const MAX_PASS_USES = 50;
export const MAX_PASS_WINDOW_MS = 31 * 24 * 3600 * 1000;
/** A pass may start a little in the past (clocks, a form filled in slowly). */
const PAST_START_TOLERANCE_MS = 24 * 3600 * 1000;

export interface VisitorPassInput {
  validFrom: Date;
  validUntil: Date;
  maxUses: number;
  gateIds?: readonly string[] | null;
}

export interface PassProblem {
  field: string;
  reason: string;
}

/** Every problem with a new pass; `siteGateIds` are the gates of the household's site. */
export function visitorPassProblems(input: VisitorPassInput, siteGateIds: ReadonlySet<string>, now: number): PassProblem[] {
  const problems: PassProblem[] = [];
  const from = input.validFrom.getTime();
  const until = input.validUntil.getTime();
  if (!(until > from)) problems.push({ field: 'validUntil', reason: 'must be after validFrom' });
  else if (until - from > MAX_PASS_WINDOW_MS) problems.push({ field: 'validUntil', reason: 'a pass may last at most 31 days' });
  if (until <= now) problems.push({ field: 'validUntil', reason: 'must be in the future' });
  if (from < now - PAST_START_TOLERANCE_MS) problems.push({ field: 'validFrom', reason: 'must not be more than a day in the past' });
  if (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > MAX_PASS_USES) problems.push({ field: 'maxUses', reason: `must be an integer from 1 to ${MAX_PASS_USES}` });
  (input.gateIds ?? []).forEach((g, i) => {
    if (!siteGateIds.has(g)) problems.push({ field: `gateIds.${i}`, reason: 'is not a gate of this site' });
  });
  return problems;
}

export type VisitorPassDisplayStatus = VisitorPassView['status'] | 'upcoming';

export interface StoredPass {
  status: 'active' | 'revoked';
  validFrom: Date;
  validUntil: Date;
  maxUses: number;
  uses: number;
}

/** What a pass is right now: revoked wins, then expired, then used up, then upcoming. */
export function visitorPassStatus(p: StoredPass, now: number): VisitorPassDisplayStatus {
  if (p.status === 'revoked') return 'revoked';
  if (now >= p.validUntil.getTime()) return 'expired';
  if (p.uses >= p.maxUses) return 'used_up';
  if (now < p.validFrom.getTime()) return 'upcoming';
  return 'active';
}

/** The stored status decideAccess sees (it checks the validity window itself). */
export function decisionPassStatus(p: Pick<StoredPass, 'status' | 'maxUses' | 'uses'>): VisitorPassView['status'] {
  if (p.status === 'revoked') return 'revoked';
  return p.uses >= p.maxUses ? 'used_up' : 'active';
}
