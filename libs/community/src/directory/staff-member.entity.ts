import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type StaffPosition = 'technician' | 'manager' | 'admin';
export const STAFF_POSITIONS: readonly StaffPosition[] = ['technician', 'manager', 'admin'];
export const STAFF_SKILLS = ['plumbing', 'electrical', 'elevator', 'cleaning', 'security', 'landscaping', 'general'] as const;
export type StaffSkill = (typeof STAFF_SKILLS)[number];

@Entity('staff')
@Index(['active', 'onShift'])
export class StaffMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  fullName: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text')
  position: StaffPosition;

  @Column('text', { array: true, default: '{}' })
  skills: StaffSkill[];

  @Column('boolean', { default: false })
  onShift: boolean;

  /** Sites this person works at (the console's site switcher). */
  @Column('uuid', { array: true, default: '{}' })
  siteIds: string[];

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
