import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import type { SnapshotSections, SubscriptionTopic } from '@app/contracts/realtime';

/** May this principal follow this entity? Answer false for "not found" too (no existence leak). */
export type TopicAuthorizer = (principal: Principal, id: string) => Promise<boolean>;
/** What the new room shows now, sent as a `snapshot` right after the client joined it. */
export type TopicSnapshot = (principal: Principal, id: string) => Promise<Partial<SnapshotSections>>;

interface TopicRegistration {
  authorize: TopicAuthorizer;
  snapshot?: TopicSnapshot;
}

/**
 * Opt-in subscriptions: the module owning a topic registers who may follow it (tickets for
 * `ticket`, speakers for `speaker`/`zone`…), so realtime never imports those modules.
 * Register in `onModuleInit`.
 */
@Injectable()
export class RealtimeAccess {
  private readonly topics = new Map<SubscriptionTopic, TopicRegistration>();

  registerTopic(topic: SubscriptionTopic, authorize: TopicAuthorizer, snapshot?: TopicSnapshot): void {
    if (this.topics.has(topic)) throw new Error(`realtime topic "${topic}" is already registered`);
    this.topics.set(topic, { authorize, snapshot });
  }

  has(topic: SubscriptionTopic): boolean {
    return this.topics.has(topic);
  }

  /** undefined when nobody registered the topic (the module is not loaded in this app). */
  get(topic: SubscriptionTopic): TopicRegistration | undefined {
    return this.topics.get(topic);
  }
}
