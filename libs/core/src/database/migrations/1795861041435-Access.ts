import { MigrationInterface, QueryRunner } from "typeorm";

export class Access1795861041435 implements MigrationInterface {
    name = 'Access1795861041435'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "access_alarms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "deviceId" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "detail" text, "sourceEventId" uuid, "raisedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledgedAt" TIMESTAMP WITH TIME ZONE, "acknowledgedByAccountId" uuid, "note" text, "resolvedAt" TIMESTAMP WITH TIME ZONE, "resolvedByAccountId" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_76bbd549bc37dbcf2d11425fbd6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b533462bbc32a1fa282a3c3c4" ON "access_alarms"  ("deviceId", "kind") WHERE status <> 'resolved'`);
        await queryRunner.query(`CREATE INDEX "IDX_3b03f48c4f70dd983d6bcf73be" ON "access_alarms"  ("siteId", "status") `);
        await queryRunner.query(`CREATE TABLE "facelib_changes" ("version" SERIAL NOT NULL, "siteId" uuid NOT NULL, "residentId" uuid NOT NULL, "op" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61a19aaff29917c6576c1fedb31" PRIMARY KEY ("version"))`);
        await queryRunner.query(`CREATE INDEX "IDX_da7cc1501f42407f205b5d43ca" ON "facelib_changes"  ("siteId", "version") `);
        await queryRunner.query(`CREATE TABLE "face_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "residentId" uuid NOT NULL, "siteId" uuid NOT NULL, "action" text NOT NULL, "noticeVersion" text, "channel" text NOT NULL, "actorAccountId" uuid, "actorRole" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5ae0a0a3289dc61b6331f52d2ba" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_845b3319b03ce1eeac528ee97b" ON "face_consents"  ("residentId", "at") `);
        await queryRunner.query(`CREATE TABLE "face_templates" ("residentId" uuid NOT NULL, "siteId" uuid NOT NULL, "dim" integer NOT NULL, "template" bytea NOT NULL, "enrolledAt" TIMESTAMP WITH TIME ZONE NOT NULL, "enrolledByAccountId" uuid, CONSTRAINT "PK_fb85e78ca5a6747c3f0fb11b5d3" PRIMARY KEY ("residentId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1b434121592419962c47629ff9" ON "face_templates"  ("siteId") `);
        await queryRunner.query(`CREATE TABLE "visitor_passes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "unitId" uuid NOT NULL, "hostResidentId" uuid NOT NULL, "createdByAccountId" uuid, "visitorName" text NOT NULL, "phone" text, "validFrom" TIMESTAMP WITH TIME ZONE NOT NULL, "validUntil" TIMESTAMP WITH TIME ZONE NOT NULL, "maxUses" integer NOT NULL, "uses" integer NOT NULL DEFAULT '0', "gateIds" text array, "tokenHash" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "revokedAt" TIMESTAMP WITH TIME ZONE, "revokedByAccountId" uuid, "lastUsedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba52f8dac53b7bf4c8dc667b697" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4268217d6c1f5dbead89661902" ON "visitor_passes"  ("unitId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_8caee82623e511b0960421fe52" ON "visitor_passes"  ("siteId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "access_gates" ("deviceId" text NOT NULL, "siteId" uuid NOT NULL, "mode" text NOT NULL DEFAULT 'normal', "zone" text, "heldOpenSeconds" integer NOT NULL DEFAULT '60', "modeChangedAt" TIMESTAMP WITH TIME ZONE, "modeChangedByAccountId" uuid, "facelibVersion" integer NOT NULL DEFAULT '0', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8aa26fec9195114d054c2e1b66" PRIMARY KEY ("deviceId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_601edccff44aa217dd78ac3d46" ON "access_gates"  ("siteId") `);
        // Access log filters over device_events (written by hand): expression-only indexes, which
        // TypeORM neither models nor drops when other migrations are generated.
        await queryRunner.query(`CREATE INDEX "IDX_device_events_access_person" ON "device_events" (("outcome"->>'personId')) WHERE "type" LIKE 'access.%'`);
        await queryRunner.query(`CREATE INDEX "IDX_device_events_access_host" ON "device_events" (("outcome"->>'hostResidentId')) WHERE "type" LIKE 'access.%'`);
        await queryRunner.query(`CREATE INDEX "IDX_device_events_access_units" ON "device_events" USING gin (("outcome"->'unitIds')) WHERE "type" LIKE 'access.%'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_device_events_access_units"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_device_events_access_host"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_device_events_access_person"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_601edccff44aa217dd78ac3d46"`);
        await queryRunner.query(`DROP TABLE "access_gates"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8caee82623e511b0960421fe52"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4268217d6c1f5dbead89661902"`);
        await queryRunner.query(`DROP TABLE "visitor_passes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b434121592419962c47629ff9"`);
        await queryRunner.query(`DROP TABLE "face_templates"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_845b3319b03ce1eeac528ee97b"`);
        await queryRunner.query(`DROP TABLE "face_consents"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_da7cc1501f42407f205b5d43ca"`);
        await queryRunner.query(`DROP TABLE "facelib_changes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3b03f48c4f70dd983d6bcf73be"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2b533462bbc32a1fa282a3c3c4"`);
        await queryRunner.query(`DROP TABLE "access_alarms"`);
    }

}
