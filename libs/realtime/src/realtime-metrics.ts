import { Injectable } from '@nestjs/common';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '@app/core';

export type ClientMessageOutcome = 'ok' | 'invalid' | 'unknown_event' | 'rate_limited' | 'refused' | 'failed';

/** The realtime metrics of this process (api: sockets and messages; api and worker: published events). */
@Injectable()
export class RealtimeMetrics {
  readonly connectedSockets: Gauge;
  readonly eventsEmitted: Counter<'event'>;
  readonly publishFailures: Counter<'event'>;
  readonly handshakesRejected: Counter<'code'>;
  readonly clientMessages: Counter<'event' | 'outcome'>;
  readonly snapshotFailures: Counter<'provider'>;
  readonly snapshotDuration: Histogram;

  constructor(metrics: MetricsService) {
    this.connectedSockets = metrics.gauge('sc_realtime_connected_sockets', 'Authenticated socket.io connections on this instance');
    this.eventsEmitted = metrics.counter('sc_realtime_events_emitted_total', 'Realtime events published to rooms, by event', ['event']);
    this.publishFailures = metrics.counter('sc_realtime_publish_failures_total', 'Realtime events that could not be published (Redis unreachable)', ['event']);
    this.handshakesRejected = metrics.counter('sc_realtime_handshakes_rejected_total', 'socket.io connections refused at the handshake, by reason', ['code']);
    this.clientMessages = metrics.counter('sc_realtime_client_messages_total', 'Messages received from clients, by event and outcome', ['event', 'outcome']);
    this.snapshotFailures = metrics.counter('sc_realtime_snapshot_failures_total', 'Snapshot providers that failed or timed out', ['provider']);
    this.snapshotDuration = metrics.histogram('sc_realtime_snapshot_duration_seconds', 'Time to build a snapshot', [], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3]);
  }
}
