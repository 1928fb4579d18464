import { MigrationInterface, QueryRunner } from "typeorm";

export class Devices1795858057104 implements MigrationInterface {
    name = 'Devices1795858057104'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "device_commands" ("id" uuid NOT NULL, "deviceId" text NOT NULL, "type" text NOT NULL, "data" jsonb NOT NULL, "status" text NOT NULL, "durable" boolean NOT NULL DEFAULT false, "supersedeKey" text, "requestId" uuid, "attempts" integer NOT NULL DEFAULT '0', "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "sentAt" TIMESTAMP WITH TIME ZONE, "completedAt" TIMESTAMP WITH TIME ZONE, "error" jsonb, "createdByAccountId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_08a3f976a83bbf1754fbf4088c7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_829b60fdf447a6f282c186e5d1" ON "device_commands"  ("status", "expiresAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_b974fe4d6dd74696cba45e0fdd" ON "device_commands"  ("deviceId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "device_events" ("deviceId" text NOT NULL, "eventId" uuid NOT NULL, "siteId" uuid NOT NULL, "type" text NOT NULL, "deviceTs" TIMESTAMP WITH TIME ZONE NOT NULL, "receivedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, "outcome" jsonb, CONSTRAINT "PK_bdebd107549817d7a582c453182" PRIMARY KEY ("deviceId", "eventId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_45f7d62f89f5481ef04f0f5a12" ON "device_events"  ("type", "receivedAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_8024a9a3cf12a0ff4e391d220d" ON "device_events"  ("siteId", "receivedAt") `);
        await queryRunner.query(`CREATE TABLE "device_presence_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deviceId" text NOT NULL, "siteId" uuid NOT NULL, "online" boolean NOT NULL, "reason" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ae496c1fa7d95ae20b63a660b9d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9e36ed3f56c935d548dbf3b09e" ON "device_presence_changes"  ("deviceId", "at") `);
        await queryRunner.query(`CREATE TABLE "devices" ("id" text NOT NULL, "kind" text NOT NULL, "siteId" uuid NOT NULL, "buildingId" uuid, "name" text NOT NULL, "location" text NOT NULL DEFAULT '', "lifecycle" text NOT NULL DEFAULT 'active', "secretHash" text NOT NULL, "credentialsVersion" integer NOT NULL DEFAULT '1', "online" boolean NOT NULL DEFAULT false, "lastSeenAt" TIMESTAMP WITH TIME ZONE, "onlineChangedAt" TIMESTAMP WITH TIME ZONE, "firmware" text, "desiredConfig" jsonb, "desiredConfigVersion" integer NOT NULL DEFAULT '0', "reportedConfigVersion" integer, "lastTelemetry" jsonb, "decommissionedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1514758245c12daf43486dd1f0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_81f5b699fe9dcf78de24c53f38" ON "devices"  ("siteId", "kind") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_81f5b699fe9dcf78de24c53f38"`);
        await queryRunner.query(`DROP TABLE "devices"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9e36ed3f56c935d548dbf3b09e"`);
        await queryRunner.query(`DROP TABLE "device_presence_changes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8024a9a3cf12a0ff4e391d220d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_45f7d62f89f5481ef04f0f5a12"`);
        await queryRunner.query(`DROP TABLE "device_events"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b974fe4d6dd74696cba45e0fdd"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_829b60fdf447a6f282c186e5d1"`);
        await queryRunner.query(`DROP TABLE "device_commands"`);
    }

}
