import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@app/core';

/** A login. Residents and staff each have at most one; the role decides what it may do. */
@Entity('accounts')
@Index(['email'], { unique: true, where: 'email IS NOT NULL' })
@Index(['phone'], { unique: true, where: 'phone IS NOT NULL' })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case. */
  @Column('text', { nullable: true })
  email: string | null;

  /** Stored normalized (digits and a leading +). */
  @Column('text', { nullable: true })
  phone: string | null;

  /** argon2id; null until a password is set (imported residents). Never serialized. */
  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column('text')
  role: Role;

  @Column('uuid', { nullable: true, unique: true })
  residentId: string | null;

  @Column('uuid', { nullable: true, unique: true })
  staffId: string | null;

  @Column('boolean', { default: false })
  disabled: boolean;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
