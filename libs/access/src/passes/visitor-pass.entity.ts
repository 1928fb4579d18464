import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type VisitorPassStatus = 'active' | 'revoked';

/**
 * A pass a resident issues to a visitor for their household. Only the SHA-256 of its QR token is
 * stored. `uses` is taken atomically at the gate (UPDATE … WHERE uses < "maxUses"), so two gates
 * scanning a single-use pass at once open exactly once. Expired / used up are derived, not stored.
 */
@Entity('visitor_passes')
@Index(['siteId', 'createdAt'])
@Index(['unitId', 'createdAt'])
export class VisitorPass {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  /** The household the visitor comes to. */
  @Column('uuid')
  unitId: string;

  @Column('uuid')
  hostResidentId: string;

  @Column('uuid', { nullable: true })
  createdByAccountId: string | null;

  @Column('text')
  visitorName: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz')
  validFrom: Date;

  @Column('timestamptz')
  validUntil: Date;

  @Column('int')
  maxUses: number;

  @Column('int', { default: 0 })
  uses: number;

  /** null: any gate the host may use. */
  @Column('text', { array: true, nullable: true })
  gateIds: string[] | null;

  @Column('text', { select: false })
  tokenHash: string;

  @Column('text', { default: 'active' })
  status: VisitorPassStatus;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { nullable: true })
  revokedByAccountId: string | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
