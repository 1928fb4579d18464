import { MigrationInterface, QueryRunner } from "typeorm";

export class AccessPoliciesAndChunkedFacelib1796361909082 implements MigrationInterface {
    name = 'AccessPoliciesAndChunkedFacelib1796361909082'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "access_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "siteId" uuid NOT NULL, "groupId" text NOT NULL, "gateIds" text array NOT NULL, "windows" jsonb, "followsHolidays" boolean NOT NULL DEFAULT false, "label" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_93705ea815f89343d7bf80cd60e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3c340b651f5f8f4ed64225d38f" ON "access_policies"  ("siteId") `);
        await queryRunner.query(`CREATE TABLE "site_access_settings" ("siteId" uuid NOT NULL, "holidays" jsonb NOT NULL DEFAULT '[]', "disabledDefaultPolicies" text array NOT NULL DEFAULT '{}', "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88c25d8f781527e75917c192f9a" PRIMARY KEY ("siteId"))`);
        await queryRunner.query(`ALTER TABLE "access_gates" ADD "facelibFullSync" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "access_gates" DROP COLUMN "facelibFullSync"`);
        await queryRunner.query(`DROP TABLE "site_access_settings"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3c340b651f5f8f4ed64225d38f"`);
        await queryRunner.query(`DROP TABLE "access_policies"`);
    }

}
