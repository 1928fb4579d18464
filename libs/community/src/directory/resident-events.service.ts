import { Injectable, Logger } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

export interface ResidentMovedOut {
  residentId: string;
  siteId: string;
  /** The units whose memberships the move-out ended. */
  unitIds: string[];
  accountId: string | null;
  at: Date;
}

export interface ResidentHouseholdChanged {
  residentId: string;
  siteId: string;
  /** The unit joined or left. */
  unitId: string;
  change: 'joined' | 'left';
  at: Date;
}

/**
 * In-process events of the directory, published after the change is committed, so other modules
 * (access: revoke credentials and faces; speakers: end sessions) can react without the directory
 * knowing them. Handlers run in this instance only; cross-instance effects are theirs to arrange.
 */
@Injectable()
export class ResidentEvents {
  private readonly logger = new Logger(ResidentEvents.name);
  private readonly movedOut = new Subject<ResidentMovedOut>();
  private readonly householdChanged = new Subject<ResidentHouseholdChanged>();
  readonly movedOut$: Observable<ResidentMovedOut> = this.movedOut.asObservable();
  readonly householdChanged$: Observable<ResidentHouseholdChanged> = this.householdChanged.asObservable();

  /** Registers a handler; returns the function that unregisters it. A failing handler is logged, never fatal. */
  onMovedOut(handler: (e: ResidentMovedOut) => void | Promise<void>): () => void {
    return this.handle(this.movedOut$, handler, 'resident moved-out');
  }

  /** A resident joined or left a unit (a move between buildings is both): same contract as onMovedOut. */
  onHouseholdChanged(handler: (e: ResidentHouseholdChanged) => void | Promise<void>): () => void {
    return this.handle(this.householdChanged$, handler, 'resident household-changed');
  }

  emitMovedOut(e: ResidentMovedOut): void {
    this.movedOut.next(e);
  }

  emitHouseholdChanged(e: ResidentHouseholdChanged): void {
    this.householdChanged.next(e);
  }

  private handle<E extends { residentId: string }>(events: Observable<E>, handler: (e: E) => void | Promise<void>, what: string): () => void {
    const sub = events.subscribe((e) => {
      Promise.resolve()
        .then(() => handler(e))
        .catch((err: unknown) => this.logger.error({ err, residentId: e.residentId }, `${what} handler failed`));
    });
    return () => sub.unsubscribe();
  }
}
