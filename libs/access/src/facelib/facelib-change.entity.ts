import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FacelibOp = 'upsert' | 'remove';

/**
 * The change log behind gates' offline face libraries: one row per enrolment, withdrawal or
 * move-out, and an `upsert` again for each face whose gates may have changed (a rescope: policies,
 * a gate's zone, a resident's buildings). Its serial is the library version; a gate's delta is every
 * change of its site above the version it acked (collapsed per resident), so each sync may supersede
 * the previous one.
 */
@Entity('facelib_changes')
@Index(['siteId', 'version'])
export class FacelibChange {
  @PrimaryGeneratedColumn('increment')
  version: number;

  @Column('uuid')
  siteId: string;

  @Column('uuid')
  residentId: string;

  @Column('text')
  op: FacelibOp;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
