import { Injectable, Logger } from '@nestjs/common';
import type { DeviceEvent, DeviceEventType } from '@app/contracts';
import type { DeviceInfo } from '../registry/device-directory.service';

export interface DeviceEventContext<T extends DeviceEventType = DeviceEventType> {
  device: DeviceInfo;
  event: DeviceEvent<T>;
  receivedAt: Date;
  /** The broker says it delivered this before (e.g. before a backend restart). */
  redelivered: boolean;
  /**
   * Runs `fn` once the event's row is committed (inserted = false: it had been stored before).
   * Live pushes go here, so nobody is told about an event the log does not hold yet.
   */
  afterStored(fn: (inserted: boolean) => void): void;
}

/** What a handler returns is stored with the event as its outcome (e.g. the access decision). */
export type DeviceEventHandler<T extends DeviceEventType = DeviceEventType> = (
  ctx: DeviceEventContext<T>,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/**
 * The one seam between ingestion and the domain modules: access, speakers, alarms register for the
 * event types they handle. A handler runs before the event is stored (so a gate is answered before
 * the commit) and its result is stored with the event; what should wait for the commit (live
 * pushes) goes through `ctx.afterStored`.
 */
@Injectable()
export class DeviceEventDispatcher {
  private readonly logger = new Logger(DeviceEventDispatcher.name);
  private readonly handlers = new Map<string, DeviceEventHandler[]>();

  on<T extends DeviceEventType>(type: T, handler: DeviceEventHandler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DeviceEventHandler);
    this.handlers.set(type, list);
  }

  handles(type: string): boolean {
    return this.handlers.has(type);
  }

  async dispatch(ctx: DeviceEventContext): Promise<Record<string, unknown> | null> {
    const list = this.handlers.get(ctx.event.type);
    if (!list) return null;
    let outcome: Record<string, unknown> | null = null;
    for (const h of list) {
      try {
        const r = await h(ctx);
        if (r) outcome = { ...(outcome ?? {}), ...r };
      } catch (err) {
        // A failing handler must not lose the event: it is stored with the error as its outcome.
        this.logger.error({ err, deviceId: ctx.device.id, eventId: ctx.event.id }, `handler for ${ctx.event.type} failed`);
        outcome = { ...(outcome ?? {}), handlerError: (err as Error).message };
      }
    }
    return outcome;
  }
}
