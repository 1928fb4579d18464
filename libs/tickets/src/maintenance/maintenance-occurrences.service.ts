import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { occurrenceKey } from '../domain';
import { systemActor } from '../tickets/ticket-actor';
import { TicketCreateService } from '../tickets/ticket-create.service';
import { MaintenancePlan } from './maintenance-plan.entity';

export type OccurrenceOutcome = { created: string } | { skipped: 'plan_inactive' | 'already_created' };

/** One occurrence of a plan -> one ticket. The unique (planId, occurrenceKey) makes it exactly one. */
@Injectable()
export class MaintenanceOccurrences {
  private readonly logger = new Logger(MaintenanceOccurrences.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketCreateService,
  ) {}

  async run(planId: string, scheduledAtMs: number): Promise<OccurrenceOutcome> {
    const plan = await this.db.getRepository(MaintenancePlan).findOneBy({ id: planId });
    if (!plan || !plan.active) return { skipped: 'plan_inactive' };
    const key = occurrenceKey(scheduledAtMs);
    const exists: unknown[] = await this.db.query(`SELECT 1 FROM tickets WHERE "planId" = $1 AND "occurrenceKey" = $2`, [planId, key]);
    if (exists.length) return { skipped: 'already_created' };
    try {
      const t = await this.tickets.create(
        {
          siteId: plan.siteId,
          buildingId: plan.buildingId,
          unitId: null,
          location: plan.location,
          category: plan.category,
          requestedPriority: plan.priority,
          title: plan.title,
          description: plan.description || `Scheduled maintenance (${plan.pattern ?? `every ${plan.everyMs} ms`})`,
          reporterKind: 'plan',
          reporterId: plan.id,
          reporterAccountId: null,
          planId: plan.id,
          occurrenceKey: key,
        },
        systemActor('maintenance-plan'),
      );
      return { created: t.id };
    } catch (err) {
      // Another worker made this occurrence's ticket between our check and our insert.
      if (err instanceof QueryFailedError && (err as unknown as { code?: string }).code === '23505') return { skipped: 'already_created' };
      throw err;
    }
  }
}
