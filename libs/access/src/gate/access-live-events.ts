import { Injectable, Logger } from '@nestjs/common';
import { householdRoom, staffRoom } from '@app/contracts/realtime';
import { Notifier } from '@app/notifications';
import { RealtimePublisher } from '@app/realtime';
import { accessEventPayload, AccessEventIds, AccessOutcome } from '../domain';
import { AccessState } from '../state/access-state.service';

/**
 * Pushes access events live: every decision to the site's staff, a resident's entry to their
 * household, a visitor's to the household they came to, and "your visitor arrived" to the host.
 * Fire and forget (realtime events are hints; the access log is the record).
 */
@Injectable()
export class AccessLiveEvents {
  private readonly logger = new Logger(AccessLiveEvents.name);

  constructor(
    private readonly publisher: RealtimePublisher,
    private readonly state: AccessState,
    private readonly notifier: Notifier,
  ) {}

  published(ids: AccessEventIds, o: AccessOutcome): void {
    try {
      const first = o.unitIds[0] ?? null;
      // Usually one household: staff and household get the same payload in one emit.
      this.publisher.toRoom(first ? [staffRoom(ids.siteId), householdRoom(first)] : staffRoom(ids.siteId), 'access.event', accessEventPayload(ids, o, first, true));
      for (const unitId of o.unitIds.slice(1)) this.publisher.toRoom(householdRoom(unitId), 'access.event', accessEventPayload(ids, o, unitId, true));
      if (o.passId && o.result === 'granted' && o.hostResidentId) this.visitorArrived(ids, o);
    } catch (err) {
      this.logger.warn(`live access event ${ids.eventId} not pushed: ${(err as Error).message}`);
    }
  }

  // Into the host's inbox too; off the decision path (the door command has already gone out).
  private visitorArrived(ids: AccessEventIds, o: AccessOutcome): void {
    const host = this.state.person(o.hostResidentId!);
    if (!host?.accountId) return;
    const title = `Your visitor ${o.visitorName ?? ''} has arrived`.replace(/\s+/g, ' ');
    this.notifier
      .notify([{ accountIds: [host.accountId], kind: 'visitor.arrived', title, body: `Entered at ${ids.at.toISOString()}`, ref: { type: 'visitor_pass', id: o.passId! } }])
      .catch((err: Error) => this.logger.warn(`visitor-arrived notice for event ${ids.eventId} not stored: ${err.message}`));
  }
}
