import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Who hears about a ticket change, resolved to accounts when the change is persisted. */
export type NotificationAudience = 'reporter' | 'assignee' | 'managers' | 'watchers' | { staffId: string } | { accountIds: string[] };

export interface AudienceTicket {
  siteId: string;
  reporterAccountId: string | null;
  assigneeId: string | null;
  watcherAccountIds: string[];
}

/** Turns audiences into account ids (reporter, assignee, the site's managers, watchers). */
@Injectable()
export class RecipientsService {
  async resolve(m: EntityManager, t: AudienceTicket, audiences: readonly NotificationAudience[], exclude: string | null): Promise<string[]> {
    const accounts = new Set<string>();
    const staffIds = new Set<string>();
    let managers = false;
    for (const a of audiences) {
      if (a === 'reporter') {
        if (t.reporterAccountId) accounts.add(t.reporterAccountId);
      } else if (a === 'assignee') {
        if (t.assigneeId) staffIds.add(t.assigneeId);
      } else if (a === 'managers') managers = true;
      else if (a === 'watchers') t.watcherAccountIds.forEach((id) => accounts.add(id));
      else if ('staffId' in a) staffIds.add(a.staffId);
      else a.accountIds.forEach((id) => accounts.add(id));
    }
    if (staffIds.size > 0 || managers) {
      const rows: { id: string }[] = await m.query(
        `SELECT a.id FROM accounts a JOIN staff s ON s.id = a."staffId"
          WHERE NOT a.disabled AND s.active
            AND (s.id = ANY($1::uuid[]) OR ($2::boolean AND s.position = 'manager' AND $3::uuid = ANY(s."siteIds")))`,
        [[...staffIds], managers, t.siteId],
      );
      rows.forEach((r) => accounts.add(r.id));
    }
    if (exclude) accounts.delete(exclude);
    return [...accounts];
  }
}
