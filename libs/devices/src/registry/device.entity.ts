import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DeviceKind } from '@app/contracts';

export type DeviceLifecycle = 'active' | 'decommissioned';

/** A gate or speaker. Its id is also its MQTT client id and username. */
@Entity('devices')
@Index(['siteId', 'kind'])
export class Device {
  /** e.g. `gate-3f9a1c2b`; matches the protocol's device id pattern. */
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  kind: DeviceKind;

  @Column('uuid')
  siteId: string;

  /** Building door gates and speakers may belong to a building; perimeter gates do not. */
  @Column('uuid', { nullable: true })
  buildingId: string | null;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  location: string;

  @Column('text', { default: 'active' })
  lifecycle: DeviceLifecycle;

  /** argon2id of the MQTT password; the password itself is shown once, at provisioning/rotation. */
  @Column('text', { select: false })
  secretHash: string;

  @Column('int', { default: 1 })
  credentialsVersion: number;

  @Column('boolean', { default: false })
  online: boolean;

  @Column('timestamptz', { nullable: true })
  lastSeenAt: Date | null;

  @Column('timestamptz', { nullable: true })
  onlineChangedAt: Date | null;

  @Column('text', { nullable: true })
  firmware: string | null;

  /** The desired retained config (PROTOCOL.md `config`); its version only grows. */
  @Column('jsonb', { nullable: true })
  desiredConfig: Record<string, unknown> | null;

  @Column('int', { default: 0 })
  desiredConfigVersion: number;

  /** The config version the device last reported in telemetry. */
  @Column('int', { nullable: true })
  reportedConfigVersion: number | null;

  /** Last telemetry body (door state, volume, battery, rssi…). */
  @Column('jsonb', { nullable: true })
  lastTelemetry: Record<string, unknown> | null;

  @Column('timestamptz', { nullable: true })
  decommissionedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
