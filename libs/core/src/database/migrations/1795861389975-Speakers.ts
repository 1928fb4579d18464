import { MigrationInterface, QueryRunner } from "typeorm";

export class Speakers1795861389975 implements MigrationInterface {
    name = 'Speakers1795861389975'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "speaker_announcement_deliveries" ("announcementId" uuid NOT NULL, "speakerId" text NOT NULL, "status" text NOT NULL, "commandId" uuid, "error" text, "sentAt" TIMESTAMP WITH TIME ZONE, "ackedAt" TIMESTAMP WITH TIME ZONE, "finishedAt" TIMESTAMP WITH TIME ZONE, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b082acb4a1cdc6e0a02323be7bc" PRIMARY KEY ("announcementId", "speakerId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b0a363aff341d29636b6eee017" ON "speaker_announcement_deliveries"  ("speakerId", "status") `);
        await queryRunner.query(`CREATE TABLE "speaker_announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "text" text, "audioUrl" text, "targetKind" text NOT NULL, "targetId" text NOT NULL, "priority" text NOT NULL, "scheduledAt" TIMESTAMP WITH TIME ZONE, "expiresAt" TIMESTAMP WITH TIME ZONE, "durationMs" integer NOT NULL, "status" text NOT NULL, "createdByAccountId" uuid, "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_84ec1cf90836ee6f1d42c0a1590" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_fdecdcb690b36ccb04dc115df3" ON "speaker_announcements"  ("siteId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "speaker_bans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "residentId" uuid NOT NULL, "reason" text NOT NULL, "until" TIMESTAMP WITH TIME ZONE, "liftedAt" TIMESTAMP WITH TIME ZONE, "createdByAccountId" uuid, "liftedByAccountId" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e034a9077207e8f36350d1e50af" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_fc831a23c72bce3f2b5fd34d53" ON "speaker_bans"  ("siteId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_4d04cc49272cb1ce5285837910" ON "speaker_bans"  ("residentId") `);
        await queryRunner.query(`CREATE TABLE "speaker_sessions" ("id" uuid NOT NULL, "speakerId" text NOT NULL, "siteId" uuid NOT NULL, "zoneId" uuid NOT NULL, "residentId" uuid NOT NULL, "status" text NOT NULL, "queuedAt" TIMESTAMP WITH TIME ZONE, "pairingAt" TIMESTAMP WITH TIME ZONE, "connectedAt" TIMESTAMP WITH TIME ZONE, "endedAt" TIMESTAMP WITH TIME ZONE, "endReason" text, "endNote" text, "usedMs" integer, "countsTowardDailyCap" boolean NOT NULL DEFAULT false, "timeline" jsonb NOT NULL DEFAULT '[]', "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e672c0f1dff19169cc153b7cb19" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_speaker_sessions_one_queue_place" ON "speaker_sessions"  ("speakerId", "residentId") WHERE "status" = 'queued'`);
        await queryRunner.query(`CREATE INDEX "IDX_7fc5a3c579d4648696c6a27db4" ON "speaker_sessions"  ("siteId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_181ddb3ecfa9d49dbece8ee634" ON "speaker_sessions"  ("speakerId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_61d0c4aa000b2db06852354ddc" ON "speaker_sessions"  ("residentId", "connectedAt") `);
        await queryRunner.query(`CREATE TABLE "speakers" ("deviceId" text NOT NULL, "siteId" uuid NOT NULL, "zoneId" uuid NOT NULL, "state" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "playback" jsonb, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_885fbfd1b1e19b778df7597f509" PRIMARY KEY ("deviceId"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f7516452927c67a60a282be32c" ON "speakers"  ("zoneId") `);
        await queryRunner.query(`CREATE INDEX "IDX_2ec00b33cb0eb55791de4afe78" ON "speakers"  ("siteId") `);
        await queryRunner.query(`CREATE TABLE "speaker_zones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "name" text NOT NULL, "rules" jsonb NOT NULL, "timings" jsonb NOT NULL DEFAULT '{}', "version" integer NOT NULL DEFAULT '1', "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5b674fb7d5e03e7f4541080746" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7ce6bb7335430c7cd92514a4a2" ON "speaker_zones"  ("siteId", "name") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_7ce6bb7335430c7cd92514a4a2"`);
        await queryRunner.query(`DROP TABLE "speaker_zones"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2ec00b33cb0eb55791de4afe78"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f7516452927c67a60a282be32c"`);
        await queryRunner.query(`DROP TABLE "speakers"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_61d0c4aa000b2db06852354ddc"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_181ddb3ecfa9d49dbece8ee634"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7fc5a3c579d4648696c6a27db4"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_speaker_sessions_one_queue_place"`);
        await queryRunner.query(`DROP TABLE "speaker_sessions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4d04cc49272cb1ce5285837910"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fc831a23c72bce3f2b5fd34d53"`);
        await queryRunner.query(`DROP TABLE "speaker_bans"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fdecdcb690b36ccb04dc115df3"`);
        await queryRunner.query(`DROP TABLE "speaker_announcements"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b0a363aff341d29636b6eee017"`);
        await queryRunner.query(`DROP TABLE "speaker_announcement_deliveries"`);
    }

}
