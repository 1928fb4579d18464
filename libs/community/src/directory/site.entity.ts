import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A residential community run by one property company. */
@Entity('sites')
export class Site {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Short unique code used in imports and device names (e.g. `lakeside`). */
  @Column('text', { unique: true })
  code: string;

  /** IANA time zone: schedules, quiet hours and business hours are evaluated in it. */
  @Column('text', { default: 'Asia/Shanghai' })
  timezone: string;

  @Column('text', { nullable: true })
  address: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
