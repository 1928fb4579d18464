// What a speaker plays when announcements overlap: an emergency interrupts anything but another
// emergency; everything else waits its turn, emergencies first, then in arrival order.

export interface QueuedAnnouncement {
  announcementId: string;
  /** The speaker.announce command that brought it (echoed in announcement.played). */
  commandId?: string;
  priority: 'normal' | 'emergency';
  text?: string;
  audioUrl?: string;
}

export type AnnounceDecision =
  | { action: 'play'; interrupted: QueuedAnnouncement | null }
  | { action: 'queue'; position: number }
  | { action: 'duplicate' };

export class AnnouncementQueue {
  private current: QueuedAnnouncement | null = null;
  private readonly waiting: QueuedAnnouncement[] = [];

  get playing(): QueuedAnnouncement | null {
    return this.current;
  }

  get pending(): readonly QueuedAnnouncement[] {
    return this.waiting;
  }

  /** A new announcement arrives; repeats of one playing or waiting change nothing. */
  offer(item: QueuedAnnouncement): AnnounceDecision {
    const id = item.announcementId;
    if (this.current?.announcementId === id || this.waiting.some((w) => w.announcementId === id)) return { action: 'duplicate' };
    if (!this.current) {
      this.current = item;
      return { action: 'play', interrupted: null };
    }
    if (item.priority === 'emergency' && this.current.priority !== 'emergency') {
      // The interrupted one is dropped: the backend reports it as not played and decides again.
      const interrupted = this.current;
      this.current = item;
      return { action: 'play', interrupted };
    }
    const at = item.priority === 'emergency' ? this.waiting.findIndex((w) => w.priority !== 'emergency') : -1;
    if (at < 0) this.waiting.push(item);
    else this.waiting.splice(at, 0, item);
    return { action: 'queue', position: this.waiting.indexOf(item) + 1 };
  }

  /** The current one played out: the next one, if any, starts. */
  finish(announcementId: string): QueuedAnnouncement | null {
    if (this.current?.announcementId !== announcementId) return this.current;
    this.current = this.waiting.shift() ?? null;
    return this.current;
  }

  clear(): void {
    this.current = null;
    this.waiting.length = 0;
  }
}

/** How long the simulated speaker talks: a chime plus ~4 characters a second (audio clips: 30 s). */
export function simAnnouncementMs(item: Pick<QueuedAnnouncement, 'text'>): number {
  const spoken = item.text ? 1500 + item.text.length * 250 : 30_000;
  return Math.min(300_000, Math.max(3000, spoken));
}
