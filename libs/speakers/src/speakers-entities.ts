import { AnnouncementDelivery } from './announcements/announcement-delivery.entity';
import { Announcement } from './announcements/announcement.entity';
import { SpeakerBanRecord } from './control/speaker-ban.entity';
import { SpeakerSessionRecord } from './sessions/speaker-session-record.entity';
import { Speaker } from './speakers/speaker.entity';
import { SpeakerZone } from './zones/speaker-zone.entity';

export const SPEAKERS_ENTITIES = [SpeakerZone, Speaker, SpeakerSessionRecord, SpeakerBanRecord, Announcement, AnnouncementDelivery];
