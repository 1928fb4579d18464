import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { GateMode } from '@app/contracts';
import type { FullSyncProgress, GateZone } from '../domain';

/**
 * Access settings and state of one gate (the device row belongs to libs/devices): its mode, its
 * zone for the default policies, the held-open alarm delay, and the face-library version it acked.
 * A gate without a row is normal, zoned by its building (door) or perimeter, at library version 0.
 */
@Entity('access_gates')
@Index(['siteId'])
export class GateAccessSettings {
  @PrimaryColumn('text')
  deviceId: string;

  @Column('uuid')
  siteId: string;

  @Column('text', { default: 'normal' })
  mode: GateMode;

  /** null: a building door when the device has a building, else a perimeter gate. */
  @Column('text', { nullable: true })
  zone: GateZone | null;

  /** A door open longer than this raises held_open. */
  @Column('int', { default: 60 })
  heldOpenSeconds: number;

  @Column('timestamptz', { nullable: true })
  modeChangedAt: Date | null;

  @Column('uuid', { nullable: true })
  modeChangedByAccountId: string | null;

  /** The face-library version the gate last acked. */
  @Column('int', { default: 0 })
  facelibVersion: number;

  /** A chunked full library on its way to the gate (see facelib-sync.service), or null. */
  @Column('jsonb', { nullable: true })
  facelibFullSync: FullSyncProgress | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
