import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795857913279 implements MigrationInterface {
    name = 'Foundation1795857913279'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actorAccountId" uuid, "actorRole" text NOT NULL, "action" text NOT NULL, "entityType" text NOT NULL, "entityId" text, "siteId" uuid, "before" jsonb, "after" jsonb, "correlationId" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_40bb4cdfe37af1c39354bc8449" ON "audit_log"  ("siteId", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_f7d49e93361d6bd865457bee95" ON "audit_log"  ("entityType", "entityId", "at") `);
        await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text, "phone" text, "passwordHash" text, "role" text NOT NULL, "residentId" uuid, "staffId" uuid, "disabled" boolean NOT NULL DEFAULT false, "lastLoginAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_583ae612a09b0346e71c3f11ea1" UNIQUE ("residentId"), CONSTRAINT "UQ_0cd1b74942815415963becece3e" UNIQUE ("staffId"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_361678eb906be28eb648dd9311" ON "accounts"  ("phone") WHERE phone IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8af89d89e6fc2daa0c7e31ed74" ON "accounts"  ("email") WHERE email IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "accountId" uuid NOT NULL, "familyId" uuid NOT NULL, "tokenHash" text NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "revokedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_0579a04fbd619cc9424b9a4a37" ON "refresh_tokens"  ("accountId") `);
        await queryRunner.query(`CREATE INDEX "IDX_40e9a8b923a1b3fb4429a5c624" ON "refresh_tokens"  ("familyId") `);
        await queryRunner.query(`CREATE TABLE "buildings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "name" text NOT NULL, "code" text NOT NULL, "floors" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc65c1acce268c383e41a69003a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e99d27140a744ada20e7a4e81e" ON "buildings"  ("siteId", "code") `);
        await queryRunner.query(`CREATE TABLE "sites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "code" text NOT NULL, "timezone" text NOT NULL DEFAULT 'Asia/Shanghai', "address" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_dde6621eadc0c9c9621360ec668" UNIQUE ("code"), CONSTRAINT "PK_4f5eccb1dfde10c9170502595a7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "residents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "fullName" text NOT NULL, "phone" text, "email" text, "status" text NOT NULL DEFAULT 'active', "movedOutAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c8d0413ee0e9a4ebbf500f7365" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_219ebee7e6b186548c93a0438e" ON "residents"  ("siteId", "phone") WHERE phone IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_12a3d2e8ac9c61d7e05e3609b0" ON "residents"  ("siteId", "status") `);
        await queryRunner.query(`CREATE TABLE "staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fullName" text NOT NULL, "phone" text, "email" text, "position" text NOT NULL, "skills" text array NOT NULL DEFAULT '{}', "onShift" boolean NOT NULL DEFAULT false, "siteIds" uuid array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_637606888ff66e8f070a2f38c4" ON "staff"  ("active", "onShift") `);
        await queryRunner.query(`CREATE TABLE "unit_memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "residentId" uuid NOT NULL, "unitId" uuid NOT NULL, "relation" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f3f38ce89193fa60c98105bad40" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3dd900283f4d31f3e8da397cd5" ON "unit_memberships"  ("residentId", "unitId") WHERE active`);
        await queryRunner.query(`CREATE INDEX "IDX_e27afb780b3b69663bfbc1ee7f" ON "unit_memberships"  ("unitId", "active") `);
        await queryRunner.query(`CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "buildingId" uuid NOT NULL, "number" text NOT NULL, "floor" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ec38daf0f647385583cc992476" ON "units"  ("siteId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ccb554f0a96c10f5fdeb8241d8" ON "units"  ("buildingId", "number") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_ccb554f0a96c10f5fdeb8241d8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ec38daf0f647385583cc992476"`);
        await queryRunner.query(`DROP TABLE "units"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e27afb780b3b69663bfbc1ee7f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3dd900283f4d31f3e8da397cd5"`);
        await queryRunner.query(`DROP TABLE "unit_memberships"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_637606888ff66e8f070a2f38c4"`);
        await queryRunner.query(`DROP TABLE "staff"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_12a3d2e8ac9c61d7e05e3609b0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_219ebee7e6b186548c93a0438e"`);
        await queryRunner.query(`DROP TABLE "residents"`);
        await queryRunner.query(`DROP TABLE "sites"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e99d27140a744ada20e7a4e81e"`);
        await queryRunner.query(`DROP TABLE "buildings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_40e9a8b923a1b3fb4429a5c624"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0579a04fbd619cc9424b9a4a37"`);
        await queryRunner.query(`DROP TABLE "refresh_tokens"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8af89d89e6fc2daa0c7e31ed74"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_361678eb906be28eb648dd9311"`);
        await queryRunner.query(`DROP TABLE "accounts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f7d49e93361d6bd865457bee95"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_40bb4cdfe37af1c39354bc8449"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
