import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { Subject } from 'rxjs';
import { MetricsService } from '@app/core';
import type { CommandStatus } from './device-command.entity';

/** What became of a command: emitted once per status change to a settled or timed-out status. */
export interface CommandResult {
  commandId: string;
  deviceId: string;
  type: string;
  status: CommandStatus;
  requestId: string | null;
  error: { code: string; message?: string } | null;
  /** Command-specific result from the ack (facelib.sync: the version the gate now holds). */
  data?: Record<string, unknown>;
  at: Date;
}

/**
 * The seam access and realtime plug into for command outcomes (gate opened? announcement played?).
 * Emitted by the process that recorded the outcome. Also counts every status a command reaches.
 */
@Injectable()
export class CommandResults implements OnApplicationShutdown {
  readonly results$ = new Subject<CommandResult>();
  private readonly statuses: Counter<'type' | 'status'>;

  constructor(metrics: MetricsService) {
    this.statuses = metrics.counter('sc_device_commands_total', 'Device commands reaching each status, by type', ['type', 'status']);
  }

  /** Counts a status reached without an outcome to report (queued, sent). */
  count(type: string, status: CommandStatus): void {
    this.statuses.inc({ type, status });
  }

  /** Reports a status change recorded in device_commands. */
  reportChange(
    c: { id: string; deviceId: string; type: string; status: CommandStatus; requestId: string | null; error: CommandResult['error'] },
    at: Date,
    data?: Record<string, unknown>,
  ): void {
    this.publish({ commandId: c.id, deviceId: c.deviceId, type: c.type, status: c.status, requestId: c.requestId, error: c.error, ...(data ? { data } : {}), at });
  }

  publish(result: CommandResult): void {
    this.statuses.inc({ type: result.type, status: result.status });
    this.results$.next(result);
  }

  onApplicationShutdown(): void {
    this.results$.complete();
  }
}
