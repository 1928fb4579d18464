import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ResidentStatus = 'active' | 'moved_out';

@Entity('residents')
@Index(['siteId', 'status'])
@Index(['siteId', 'phone'], { unique: true, where: 'phone IS NOT NULL' })
export class Resident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  fullName: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { default: 'active' })
  status: ResidentStatus;

  @Column('timestamptz', { nullable: true })
  movedOutAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
