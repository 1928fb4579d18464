import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One home. A household is the set of residents with an active membership of a unit. */
@Entity('units')
@Index(['buildingId', 'number'], { unique: true })
@Index(['siteId'])
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  buildingId: string;

  /** Unit number within the building (e.g. `1201`). */
  @Column('text')
  number: string;

  @Column('int', { nullable: true })
  floor: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
