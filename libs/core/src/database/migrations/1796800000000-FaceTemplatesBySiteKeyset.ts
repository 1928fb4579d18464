import { MigrationInterface, QueryRunner } from "typeorm";

/** Keyset pages of a site's templates (full face libraries) walk this index instead of sorting the site. */
export class FaceTemplatesBySiteKeyset1796800000000 implements MigrationInterface {
    name = 'FaceTemplatesBySiteKeyset1796800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_face_templates_site_resident" ON "face_templates" ("siteId", "residentId") `);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b434121592419962c47629ff9"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_1b434121592419962c47629ff9" ON "face_templates" ("siteId") `);
        await queryRunner.query(`DROP INDEX "public"."IDX_face_templates_site_resident"`);
    }
}
