import { TicketAttachment } from './attachments/ticket-attachment.entity';
import { MaintenancePlan } from './maintenance/maintenance-plan.entity';
import { TicketSettings } from './settings/ticket-settings.entity';
import { TicketActivity } from './tickets/ticket-activity.entity';
import { TicketComment } from './tickets/ticket-comment.entity';
import { TicketRating } from './tickets/ticket-rating.entity';
import { Ticket } from './tickets/ticket.entity';

export const TICKETS_ENTITIES = [Ticket, TicketActivity, TicketComment, TicketRating, TicketAttachment, TicketSettings, MaintenancePlan];
