import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PrincipalLoader } from './auth/principal-loader.service';
import { COMMUNITY_ENTITIES } from './community-entities';
import { BuildingsController } from './directory/buildings.controller';
import { BuildingsService } from './directory/buildings.service';
import { HouseholdService } from './directory/household.service';
import { ResidentEvents } from './directory/resident-events.service';
import { ResidentLifecycleService } from './directory/resident-lifecycle.service';
import { ResidentsController } from './directory/residents.controller';
import { ResidentsService } from './directory/residents.service';
import { SitesController } from './directory/sites.controller';
import { SitesService } from './directory/sites.service';
import { StaffController } from './directory/staff.controller';
import { StaffService } from './directory/staff.service';
import { UnitsController } from './directory/units.controller';
import { UnitsService } from './directory/units.service';
import { ResidentsImportController } from './import/residents-import.controller';
import { ResidentsImportService } from './import/residents-import.service';

/** Sites, buildings, units, residents, staff, accounts and sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature(COMMUNITY_ENTITIES)],
  controllers: [AuthController, SitesController, BuildingsController, UnitsController, ResidentsController, ResidentsImportController, StaffController],
  providers: [
    AuthService,
    PrincipalLoader,
    SitesService,
    BuildingsService,
    UnitsService,
    ResidentsService,
    ResidentLifecycleService,
    HouseholdService,
    ResidentEvents,
    StaffService,
    ResidentsImportService,
  ],
  exports: [TypeOrmModule, PrincipalLoader, ResidentEvents],
})
export class CommunityModule {}
