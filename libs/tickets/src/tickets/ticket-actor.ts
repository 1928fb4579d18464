import { Principal } from '@app/core';
import { TicketActor } from '../domain';

/** Who makes a change: the workflow's actor plus the account to credit (null for the system). */
export interface ChangeActor extends TicketActor {
  accountId: string | null;
}

/** Residents act as their resident id with their household units; staff as their staff id. */
export function actorFromPrincipal(p: Principal, unitIds: readonly string[] = p.unitIds): ChangeActor {
  if (p.role === 'resident') return { role: 'resident', id: p.residentId ?? p.accountId, unitIds, accountId: p.accountId };
  return { role: p.role, id: p.staffId ?? p.accountId, accountId: p.accountId };
}

export function systemActor(job: string): ChangeActor {
  return { role: 'system', id: job, accountId: null };
}
