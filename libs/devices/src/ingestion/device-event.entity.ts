import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every event a device sent, stored exactly once: the primary key is (deviceId, eventId), and
 * ingestion inserts with ON CONFLICT DO NOTHING, so a redelivered or replayed event changes nothing.
 */
@Entity('device_events')
@Index(['siteId', 'receivedAt'])
@Index(['type', 'receivedAt'])
export class DeviceEventRecord {
  @PrimaryColumn('text')
  deviceId: string;

  @PrimaryColumn('uuid')
  eventId: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  type: string;

  /** The device's own timestamp (its clock may be skewed). */
  @Column('timestamptz')
  deviceTs: Date;

  @Column('timestamptz')
  receivedAt: Date;

  /** The event's data, minus biometric fields (a capture's embedding is never stored). */
  @Column('jsonb')
  data: Record<string, unknown>;

  /** What the backend did about it (e.g. the access decision), filled by the type's handler. */
  @Column('jsonb', { nullable: true })
  outcome: Record<string, unknown> | null;
}
