import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PresenceReason = 'birth' | 'will' | 'telemetry' | 'silent' | 'decommissioned';

/** History of online/offline transitions. */
@Entity('device_presence_changes')
@Index(['deviceId', 'at'])
export class DevicePresenceChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  deviceId: string;

  @Column('uuid')
  siteId: string;

  @Column('boolean')
  online: boolean;

  @Column('text')
  reason: PresenceReason;

  @Column('timestamptz')
  at: Date;
}
