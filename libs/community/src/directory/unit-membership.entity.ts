import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type UnitRelation = 'owner' | 'tenant' | 'family';
export const UNIT_RELATIONS: readonly UnitRelation[] = ['owner', 'tenant', 'family'];

/** A resident belongs to one or more units; moving out ends the membership (kept for history). */
@Entity('unit_memberships')
@Index(['unitId', 'active'])
@Index(['residentId', 'unitId'], { unique: true, where: 'active' })
export class UnitMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  residentId: string;

  @Column('uuid')
  unitId: string;

  @Column('text')
  relation: UnitRelation;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  since: Date;

  @Column('timestamptz', { nullable: true })
  until: Date | null;
}
