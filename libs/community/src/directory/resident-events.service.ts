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

/**
 * In-process events of the directory, published after the change is committed, so other modules
 * (access: revoke credentials and faces; speakers: end sessions) can react without the directory
 * knowing them. Handlers run in this instance only; cross-instance effects are theirs to arrange.
 */
@Injectable()
export class ResidentEvents {
  private readonly logger = new Logger(ResidentEvents.name);
  private readonly movedOut = new Subject<ResidentMovedOut>();
  readonly movedOut$: Observable<ResidentMovedOut> = this.movedOut.asObservable();

  /** Registers a handler; returns the function that unregisters it. A failing handler is logged, never fatal. */
  onMovedOut(handler: (e: ResidentMovedOut) => void | Promise<void>): () => void {
    const sub = this.movedOut$.subscribe((e) => {
      Promise.resolve()
        .then(() => handler(e))
        .catch((err: unknown) => this.logger.error({ err, residentId: e.residentId }, 'resident moved-out handler failed'));
    });
    return () => sub.unsubscribe();
  }

  emitMovedOut(e: ResidentMovedOut): void {
    this.movedOut.next(e);
  }
}
