import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@app/core';
import { RealtimeAccess, SnapshotProviders } from '@app/realtime';
import { canSeeTicket, OPEN_STATUSES } from '../domain';
import { HouseholdLookup } from '../tickets/household-lookup.service';
import { Ticket } from '../tickets/ticket.entity';
import { ticketPayload } from './ticket-live-events.service';

const SNAPSHOT_TICKETS = 100;

/**
 * Plugs tickets into the realtime gateway (when it is loaded): who may follow `ticket:<id>`, and the
 * tickets a connection sees on (re)connect (unread notifications: @app/notifications).
 */
@Injectable()
export class TicketRealtimeRegistration implements OnModuleInit {
  private readonly logger = new Logger(TicketRealtimeRegistration.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly household: HouseholdLookup,
    @Optional() private readonly access?: RealtimeAccess,
    @Optional() private readonly snapshots?: SnapshotProviders,
  ) {}

  onModuleInit(): void {
    if (this.access && !this.access.has('ticket')) {
      this.access.registerTopic(
        'ticket',
        async (p, id) => {
          if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
          const t = await this.db.getRepository(Ticket).findOneBy({ id });
          return !!t && canSeeTicket(await this.household.viewer(p), t);
        },
        async (p, id) => {
          const t = await this.db.getRepository(Ticket).findOneBy({ id });
          return t && canSeeTicket(await this.household.viewer(p), t) ? { tickets: [ticketPayload(t, t.updatedAt)] } : {};
        },
      );
    }
    if (this.snapshots) {
      this.snapshots.register('tickets', async (p) => ({ tickets: await this.openTickets(p) }));
    }
    if (!this.access && !this.snapshots) this.logger.debug('realtime not loaded: tickets push nothing live');
  }

  /** Staff: the most urgent open tickets of their sites. Residents: their household's open tickets. */
  private async openTickets(p: Principal) {
    const qb = this.db.getRepository(Ticket).createQueryBuilder('t').where('t.status IN (:...open)', { open: [...OPEN_STATUSES] }).take(SNAPSHOT_TICKETS);
    if (p.role === 'resident') {
      const viewer = await this.household.viewer(p);
      qb.andWhere(viewer.unitIds.length ? '(t.reporterId = :rid OR t.unitId IN (:...units))' : 't.reporterId = :rid', { rid: p.residentId, units: viewer.unitIds }).orderBy('t.updatedAt', 'DESC');
    } else {
      if (p.role !== 'admin' || p.siteIds.length) {
        if (p.siteIds.length === 0) return [];
        qb.andWhere('t.siteId IN (:...sites)', { sites: p.siteIds });
      }
      qb.orderBy('t.slaDueAt', 'ASC', 'NULLS LAST');
    }
    return (await qb.getMany()).map((t) => ticketPayload(t, t.updatedAt));
  }
}
