import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type CommandStatus = 'queued' | 'sent' | 'acked' | 'failed' | 'expired' | 'timeout' | 'superseded';
export const FINAL_COMMAND_STATUSES: readonly CommandStatus[] = ['acked', 'failed', 'expired', 'timeout', 'superseded'];

/** One command sent to a device and what became of it. */
@Entity('device_commands')
@Index(['deviceId', 'createdAt'])
@Index(['status', 'expiresAt'])
export class DeviceCommandRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  deviceId: string;

  @Column('text')
  type: string;

  /** The command's data (never a face template: facelib.sync bodies are summarized). */
  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text')
  status: CommandStatus;

  /** Durable commands are retried until acked or superseded; short-lived ones never. */
  @Column('boolean', { default: false })
  durable: boolean;

  /** Durable commands of one key supersede older ones (e.g. `config`, `facelib`). */
  @Column('text', { nullable: true })
  supersedeKey: string | null;

  @Column('uuid', { nullable: true })
  requestId: string | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @Column('jsonb', { nullable: true })
  error: { code: string; message?: string } | null;

  @Column('uuid', { nullable: true })
  createdByAccountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
