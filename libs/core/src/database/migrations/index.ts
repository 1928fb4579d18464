// Every migration, in order. Generated with `npm run migration:generate -- libs/core/src/database/migrations/<Name>`
// against a database migrated to the latest, reviewed, then listed here (explicit imports work the
// same under ts-node, jest and compiled JS).
import { Foundation1795857913279 } from './1795857913279-Foundation';
import { Devices1795858057104 } from './1795858057104-Devices';
import { Tickets1795859190341 } from './1795859190341-Tickets';
import { Access1795861041435 } from './1795861041435-Access';
import { TicketsOpenWork1795861202341 } from './1795861202341-TicketsOpenWork';
import { Speakers1795861389975 } from './1795861389975-Speakers';
import { AccessPoliciesAndChunkedFacelib1796361909082 } from './1796361909082-AccessPoliciesAndChunkedFacelib';
import { FaceTemplatesBySiteKeyset1796800000000 } from './1796800000000-FaceTemplatesBySiteKeyset';

export const ALL_MIGRATIONS: Function[] = [Foundation1795857913279, Devices1795858057104, Tickets1795859190341, Access1795861041435, TicketsOpenWork1795861202341, Speakers1795861389975, AccessPoliciesAndChunkedFacelib1796361909082, FaceTemplatesBySiteKeyset1796800000000];
