/** A notification to store (in the change's transaction) and push (after commit). */
export interface NotificationDraft {
  accountIds: readonly string[];
  /** `<module>.<what>`, e.g. ticket.assigned, speaker.session_ending_soon, visitor.arrived. */
  kind: string;
  title: string;
  body?: string | null;
  ref?: { type: string; id: string };
}
