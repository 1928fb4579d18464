import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AccessAlarmKind = 'forced_open' | 'held_open' | 'tamper' | 'offline';
export type AccessAlarmStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * A gate alarm and its handling by staff: open → acknowledged → resolved. At most one unresolved
 * alarm per (gate, kind): a gate repeating itself does not flood the console.
 */
@Entity('access_alarms')
@Index(['siteId', 'status'])
@Index(['deviceId', 'kind'], { unique: true, where: `status <> 'resolved'` })
export class AccessAlarm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  deviceId: string;

  @Column('text')
  kind: AccessAlarmKind;

  @Column('text', { default: 'open' })
  status: AccessAlarmStatus;

  @Column('text', { nullable: true })
  detail: string | null;

  /** The device event that raised it (null for offline and backend-detected alarms). */
  @Column('uuid', { nullable: true })
  sourceEventId: string | null;

  @Column('timestamptz')
  raisedAt: Date;

  @Column('timestamptz', { nullable: true })
  acknowledgedAt: Date | null;

  @Column('uuid', { nullable: true })
  acknowledgedByAccountId: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('uuid', { nullable: true })
  resolvedByAccountId: string | null;

  /** Grows with every change (realtime clients keep the highest). */
  @Column('int', { default: 1 })
  version: number;
}
