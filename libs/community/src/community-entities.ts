import { Account } from './accounts/account.entity';
import { RefreshToken } from './accounts/refresh-token.entity';
import { Building } from './directory/building.entity';
import { Resident } from './directory/resident.entity';
import { Site } from './directory/site.entity';
import { StaffMember } from './directory/staff-member.entity';
import { UnitMembership } from './directory/unit-membership.entity';
import { Unit } from './directory/unit.entity';

export const COMMUNITY_ENTITIES = [Site, Building, Unit, Resident, UnitMembership, StaffMember, Account, RefreshToken];
