import { DomainError } from '@app/core';
import { RatingErrorCode, TicketStatus, TRANSITION_ERROR_KIND, TransitionErrorCode } from '../domain';

/** A refused transition: 409/403/400 by the domain's code, with the statuses the caller could choose. */
export function transitionError(code: TransitionErrorCode, message: string, from: TicketStatus, to: TicketStatus, allowed: TicketStatus[]): DomainError {
  return new DomainError(`TICKET_${code}`, TRANSITION_ERROR_KIND[code], message, { from, to, allowed });
}

const RATING_KIND: Record<RatingErrorCode, 'conflict' | 'forbidden' | 'bad_request'> = {
  NOT_RESOLVED: 'conflict',
  ALREADY_RATED: 'conflict',
  NOT_REPORTER: 'forbidden',
  INVALID_SCORE: 'bad_request',
  COMMENT_TOO_LONG: 'bad_request',
};

export function ratingError(code: RatingErrorCode, message: string): DomainError {
  return new DomainError(`TICKET_RATING_${code}`, RATING_KIND[code], message);
}
