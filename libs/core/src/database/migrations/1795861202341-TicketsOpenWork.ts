import { MigrationInterface, QueryRunner } from "typeorm";

// Tickets, second step: millisecond timestamps where keyset cursors compare them (JavaScript dates
// have no microseconds), and a partial index of open work per technician for auto-assignment.
export class TicketsOpenWork1795861202341 implements MigrationInterface {
    name = 'TicketsOpenWork1795861202341'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "createdAt" TYPE TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "tickets" ALTER COLUMN "createdAt" TYPE TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "tickets" ALTER COLUMN "updatedAt" TYPE TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_open_by_assignee" ON "tickets"  ("assigneeId") WHERE "status" IN ('new', 'assigned', 'in_progress', 'on_hold', 'reopened')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_open_by_assignee"`);
        await queryRunner.query(`ALTER TABLE "tickets" ALTER COLUMN "updatedAt" TYPE TIMESTAMP(6) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "tickets" ALTER COLUMN "createdAt" TYPE TIMESTAMP(6) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "createdAt" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    }

}
