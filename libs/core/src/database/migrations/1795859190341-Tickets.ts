import { MigrationInterface, QueryRunner } from "typeorm";

export class Tickets1795859190341 implements MigrationInterface {
    name = 'Tickets1795859190341'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trigram text search over title + description (the console's q filter).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TABLE "ticket_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticketId" uuid NOT NULL, "uploadedByAccountId" uuid NOT NULL, "fileName" text NOT NULL, "contentType" text NOT NULL, "sizeBytes" integer NOT NULL, "storageKey" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e5011f87f95e78fe4bd7d982a3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5ee3b89400fe6730f7fec109a8" ON "ticket_attachments"  ("ticketId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "maintenance_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "buildingId" uuid, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "category" text NOT NULL, "priority" text NOT NULL DEFAULT 'normal', "location" text NOT NULL, "pattern" text, "everyMs" integer, "active" boolean NOT NULL DEFAULT true, "createdByAccountId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc2a330993cedb65505a154ac5d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0f4ad633fb4c3dc59e8b6ba15a" ON "maintenance_plans"  ("siteId", "active") `);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "accountId" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text, "refType" text, "refId" text, "readAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4d3115089089cbf9040db4bace" ON "notifications"  ("accountId") WHERE "readAt" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_a458610ff5a7f39724088153ac" ON "notifications"  ("accountId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "ticket_settings" ("siteId" uuid NOT NULL, "slaPolicy" jsonb, "calendar" jsonb, "autoCloseDays" double precision NOT NULL DEFAULT '3', "createLimitPerHour" integer NOT NULL DEFAULT '10', "roundRobin" jsonb NOT NULL DEFAULT '{}', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c444a2b28b002e3d531ef27058" PRIMARY KEY ("siteId"))`);
        await queryRunner.query(`CREATE TABLE "ticket_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticketId" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actorRole" text NOT NULL, "actorId" text NOT NULL, "actorAccountId" uuid, "action" text NOT NULL, "visibility" text NOT NULL DEFAULT 'public', "before" jsonb, "after" jsonb, "note" text, CONSTRAINT "PK_fea672ec7d9867e390d5a153881" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_4267493e179fa98734415ba680" ON "ticket_activities"  ("ticketId", "at") `);
        await queryRunner.query(`CREATE TABLE "ticket_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticketId" uuid NOT NULL, "authorRole" text NOT NULL, "authorId" uuid NOT NULL, "authorAccountId" uuid, "visibility" text NOT NULL, "body" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_811ed3b81dd8df6b9a92058d89c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_61d6c935d0da6b5a918d5e58cd" ON "ticket_comments"  ("ticketId", "createdAt") `);
        await queryRunner.query(`CREATE TABLE "ticket_ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticketId" uuid NOT NULL, "residentId" uuid NOT NULL, "score" smallint NOT NULL, "comment" text, "ratedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_98d7d41bb5abd65e379fc091678" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b160de6dea89a4e696f739a20a" ON "ticket_ratings"  ("ticketId", "ratedAt") `);
        await queryRunner.query(`CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "siteId" uuid NOT NULL, "buildingId" uuid, "unitId" uuid, "location" text, "category" text NOT NULL, "priority" text NOT NULL, "priorityRank" smallint NOT NULL, "status" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "preferredWindow" jsonb, "emergency" boolean NOT NULL DEFAULT false, "emergencyReasons" text array NOT NULL DEFAULT '{}', "reporterKind" text NOT NULL, "reporterId" uuid NOT NULL, "reporterAccountId" uuid, "assigneeId" uuid, "likelyDuplicateOfId" uuid, "mergedIntoId" uuid, "watcherAccountIds" uuid array NOT NULL DEFAULT '{}', "holdReason" text, "resolutionNote" text, "firstResponseAt" TIMESTAMP WITH TIME ZONE, "resolvedAt" TIMESTAMP WITH TIME ZONE, "closedAt" TIMESTAMP WITH TIME ZONE, "cancelledAt" TIMESTAMP WITH TIME ZONE, "reopenCount" integer NOT NULL DEFAULT '0', "statusTimeline" jsonb NOT NULL DEFAULT '[]', "firstResponseWarnAt" TIMESTAMP WITH TIME ZONE, "firstResponseDueAt" TIMESTAMP WITH TIME ZONE, "firstResponseMetAt" TIMESTAMP WITH TIME ZONE, "resolutionWarnAt" TIMESTAMP WITH TIME ZONE, "resolutionDueAt" TIMESTAMP WITH TIME ZONE, "resolutionMetAt" TIMESTAMP WITH TIME ZONE, "slaStoppedAt" TIMESTAMP WITH TIME ZONE, "slaPaused" boolean NOT NULL DEFAULT false, "slaWarnAt" TIMESTAMP WITH TIME ZONE, "slaDueAt" TIMESTAMP WITH TIME ZONE, "slaBreached" boolean NOT NULL DEFAULT false, "slaNextEscalationAt" TIMESTAMP WITH TIME ZONE, "escalationsFired" text array NOT NULL DEFAULT '{}', "slaJobIds" text array NOT NULL DEFAULT '{}', "autoCloseAt" TIMESTAMP WITH TIME ZONE, "ratedAt" TIMESTAMP WITH TIME ZONE, "ratingScore" smallint, "planId" uuid, "occurrenceKey" text, "version" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78e08cc1101fc17f77c6f11b4c7" UNIQUE ("number"), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_tickets_plan_occurrence" ON "tickets"  ("planId", "occurrenceKey") WHERE "planId" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_dup_probe" ON "tickets"  ("siteId", "category", "createdAt") WHERE "unitId" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_reporter_created" ON "tickets"  ("reporterId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_unit_created" ON "tickets"  ("unitId", "createdAt") WHERE "unitId" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_auto_close" ON "tickets"  ("autoCloseAt") WHERE "autoCloseAt" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_sla_next" ON "tickets"  ("slaNextEscalationAt") WHERE "slaNextEscalationAt" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_sla_due" ON "tickets"  ("siteId", "slaDueAt") WHERE "slaDueAt" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_assignee_status" ON "tickets"  ("assigneeId", "status") `);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_site_created" ON "tickets"  ("siteId", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_site_status_created" ON "tickets"  ("siteId", "status", "createdAt") `);
        await queryRunner.query(`CREATE INDEX "IDX_tickets_search_trgm" ON "tickets" USING gin (("title" || ' ' || "description") gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_search_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_site_status_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_site_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_assignee_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_sla_due"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_sla_next"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_auto_close"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_unit_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_reporter_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_tickets_dup_probe"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_tickets_plan_occurrence"`);
        await queryRunner.query(`DROP TABLE "tickets"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b160de6dea89a4e696f739a20a"`);
        await queryRunner.query(`DROP TABLE "ticket_ratings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_61d6c935d0da6b5a918d5e58cd"`);
        await queryRunner.query(`DROP TABLE "ticket_comments"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4267493e179fa98734415ba680"`);
        await queryRunner.query(`DROP TABLE "ticket_activities"`);
        await queryRunner.query(`DROP TABLE "ticket_settings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a458610ff5a7f39724088153ac"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4d3115089089cbf9040db4bace"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0f4ad633fb4c3dc59e8b6ba15a"`);
        await queryRunner.query(`DROP TABLE "maintenance_plans"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5ee3b89400fe6730f7fec109a8"`);
        await queryRunner.query(`DROP TABLE "ticket_attachments"`);
    }

}
