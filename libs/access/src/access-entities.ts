import { AccessAlarm } from './alarms/access-alarm.entity';
import { FaceConsent } from './faces/face-consent.entity';
import { FaceTemplate } from './faces/face-template.entity';
import { FacelibChange } from './facelib/facelib-change.entity';
import { GateAccessSettings } from './gates/access-gate.entity';
import { VisitorPass } from './passes/visitor-pass.entity';
import { AccessPolicyRecord } from './policies/access-policy.entity';
import { SiteAccessSettings } from './policies/site-access-settings.entity';

export const ACCESS_ENTITIES = [FaceTemplate, FaceConsent, VisitorPass, GateAccessSettings, AccessAlarm, FacelibChange, AccessPolicyRecord, SiteAccessSettings];
