import type { DeviceKind } from '@app/contracts';

/** Faults a device can be told to show (all off by default). */
export interface SimFaults {
  /** Probability that an event is published twice with the same id (0..1). */
  duplicateProbability?: number;
  /** Delay before a command's ack is queued (ms). */
  ackDelayMs?: number;
  /** Offset of the device clock from real time (ms; positive = fast). Used for ts and expiry. */
  clockSkewMs?: number;
}

export interface SimDeviceOptions {
  deviceId: string;
  kind: DeviceKind;
  /** Defaults to deviceId (PROTOCOL.md: client id = username = deviceId). */
  username?: string;
  password: string;
  /** e.g. mqtt://127.0.0.1:1883 */
  mqttUrl: string;
  /** Defaults to sc/v1. */
  topicRoot?: string;
  fw?: string;
  /** Telemetry period, at most 30 s (default 10 s). */
  telemetryPeriodMs?: number;
  /** Seed of every random choice this device makes. */
  seed?: number | string;
  faults?: SimFaults;
  /** Events/acks published but not yet PUBACKed at once (default 10). */
  maxInFlight?: number;
  /** Outbox capacity (default 10,000; oldest pending dropped beyond). */
  outboxLimit?: number;
  /** First reconnect delay; doubles up to 15 s while the broker stays unreachable (default 1 s). */
  reconnectDelayMs?: number;
  /** MQTT protocol version: 4 = 3.1.1 (default), 5. */
  protocolVersion?: 4 | 5;
  keepaliveS?: number;
  /**
   * TCP_NODELAY on the broker connection (default true, as interactive devices do). With Nagle on,
   * a device writing a PUBACK and then its reply back to back waits for the broker's delayed ACK
   * (~40 ms a command: a full face library of 455 chunks takes 4x as long).
   */
  tcpNoDelay?: boolean;
  /** Real-time clock (tests may fake it); the device adds clockSkewMs. */
  now?: () => number;
  /**
   * Event id source. Default: random uuids, so a restart with the same seed does not replay ids the
   * backend already stored (it would treat them as duplicates). Pass one for reproducible ids.
   */
  idFactory?: () => string;
}

export interface SimDeviceStats {
  deviceId: string;
  kind: DeviceKind;
  online: boolean;
  connects: number;
  disconnects: number;
  authFailures: number;
  eventsQueued: number;
  /** Publish attempts of events, re-sends and duplicates included. */
  eventsSent: number;
  eventsAcked: number;
  eventsResent: number;
  duplicatesSent: number;
  acksQueued: number;
  acksSent: number;
  acksAcked: number;
  commandsReceived: number;
  commandsExecuted: number;
  commandsExpired: number;
  commandsRejected: number;
  commandsIgnored: number;
  commandsRepeated: number;
  telemetrySent: number;
  configVersion: number;
  outboxSize: number;
  outboxDropped: number;
  lastError?: string;
}
