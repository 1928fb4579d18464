import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('buildings')
@Index(['siteId', 'code'], { unique: true })
export class Building {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('text')
  name: string;

  /** Unique within the site (e.g. `B3`); CSV imports refer to buildings by it. */
  @Column('text')
  code: string;

  @Column('int', { nullable: true })
  floors: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
