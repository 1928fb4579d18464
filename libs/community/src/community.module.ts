import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PrincipalLoader } from './auth/principal-loader.service';
import { COMMUNITY_ENTITIES } from './community-entities';

/** Sites, buildings, units, residents, staff, accounts and sign-in. */
@Module({
  imports: [TypeOrmModule.forFeature(COMMUNITY_ENTITIES)],
  controllers: [AuthController],
  providers: [AuthService, PrincipalLoader],
  exports: [TypeOrmModule, PrincipalLoader],
})
export class CommunityModule {}
