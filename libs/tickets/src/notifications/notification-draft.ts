/** A notification to store (in the change's transaction) and push (after commit). */
export interface NotificationDraft {
  accountIds: string[];
  kind: string;
  title: string;
  body?: string | null;
  ref?: { type: string; id: string };
}
