import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One issued refresh token. Tokens of one login form a family; using a token marks it used and
 * issues the next; presenting a used token again means it leaked, and revokes the whole family.
 */
@Entity('refresh_tokens')
@Index(['familyId'])
@Index(['accountId'])
export class RefreshToken {
  /** The token's id (jti). The token itself is never stored, only its SHA-256. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  accountId: string;

  @Column('uuid')
  familyId: string;

  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
