import { formatTicketNumber, SlaState, storedSlaState, TicketCategory, TicketPriority, TicketStatus } from '../domain';
import type { PreferredWindow, ReporterKind, Ticket } from './ticket.entity';

export interface TicketSlaView {
  state: SlaState;
  warnAt: Date | null;
  dueAt: Date | null;
  breached: boolean;
  paused: boolean;
  firstResponseDueAt: Date | null;
  firstResponseMetAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionMetAt: Date | null;
}

export interface TicketSummaryView {
  id: string;
  number: string;
  siteId: string;
  buildingId: string | null;
  unitId: string | null;
  location: string | null;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  title: string;
  emergency: boolean;
  assigneeId: string | null;
  reporterKind: ReporterKind;
  reporterId: string;
  likelyDuplicateOfId: string | null;
  mergedIntoId: string | null;
  planId: string | null;
  sla: TicketSlaView;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TicketDetailView extends TicketSummaryView {
  description: string;
  preferredWindow: PreferredWindow | null;
  emergencyReasons: string[];
  holdReason: string | null;
  resolutionNote: string | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  autoCloseAt: Date | null;
  reopenCount: number;
  rating: { score: number; ratedAt: Date } | null;
}

/** The columns a summary needs (the console list selects only these). */
export const SUMMARY_COLUMNS: readonly (keyof Ticket)[] = [
  'id',
  'number',
  'siteId',
  'buildingId',
  'unitId',
  'location',
  'category',
  'priority',
  'priorityRank',
  'status',
  'title',
  'emergency',
  'assigneeId',
  'reporterKind',
  'reporterId',
  'likelyDuplicateOfId',
  'mergedIntoId',
  'planId',
  'slaWarnAt',
  'slaDueAt',
  'slaBreached',
  'slaPaused',
  'firstResponseDueAt',
  'firstResponseMetAt',
  'resolutionDueAt',
  'resolutionMetAt',
  'version',
  'createdAt',
  'updatedAt',
];

export function ticketSummary(t: Ticket, now: Date): TicketSummaryView {
  return {
    id: t.id,
    number: formatTicketNumber(t.number),
    siteId: t.siteId,
    buildingId: t.buildingId,
    unitId: t.unitId,
    location: t.location,
    category: t.category,
    priority: t.priority,
    status: t.status,
    title: t.title,
    emergency: t.emergency,
    assigneeId: t.assigneeId,
    reporterKind: t.reporterKind,
    reporterId: t.reporterId,
    likelyDuplicateOfId: t.likelyDuplicateOfId,
    mergedIntoId: t.mergedIntoId,
    planId: t.planId,
    sla: {
      state: storedSlaState(t, now),
      warnAt: t.slaWarnAt,
      dueAt: t.slaDueAt,
      breached: t.slaBreached,
      paused: t.slaPaused,
      firstResponseDueAt: t.firstResponseDueAt,
      firstResponseMetAt: t.firstResponseMetAt,
      resolutionDueAt: t.resolutionDueAt,
      resolutionMetAt: t.resolutionMetAt,
    },
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export function ticketDetail(t: Ticket, now: Date): TicketDetailView {
  return {
    ...ticketSummary(t, now),
    description: t.description,
    preferredWindow: t.preferredWindow,
    emergencyReasons: t.emergencyReasons,
    holdReason: t.holdReason,
    resolutionNote: t.resolutionNote,
    firstResponseAt: t.firstResponseAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    cancelledAt: t.cancelledAt,
    autoCloseAt: t.autoCloseAt,
    reopenCount: t.reopenCount,
    rating: t.ratingScore !== null && t.ratedAt ? { score: t.ratingScore, ratedAt: t.ratedAt } : null,
  };
}
