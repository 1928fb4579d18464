import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, with before/after; written in the same transaction as the change. */
@Entity('audit_log')
@Index(['entityType', 'entityId', 'at'])
@Index(['siteId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  actorAccountId: string | null;

  @Column('text')
  actorRole: string;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text', { nullable: true })
  entityId: string | null;

  @Column('uuid', { nullable: true })
  siteId: string | null;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  correlationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
