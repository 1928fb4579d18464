import type { SpeakerCommand, SpeakerContext, SpeakerEffect, SpeakerResult, SpeakerState, SpeakerTransition } from '../domain';
import type { EntityManager } from 'typeorm';
import type { Notification } from '@app/notifications';
import type { LockedSpeaker } from './locked-speaker';
import type { RecordStep } from '../policy/session-record-plan';

/** What the engine carries out after the commit: the reducer's effects plus announcement work. */
export type EngineEffect =
  | SpeakerEffect
  | {
      readonly type: 'announce';
      readonly announcementId: string;
      readonly text: string | null;
      readonly audioUrl: string | null;
      readonly priority: 'normal' | 'emergency';
      readonly durationMs: number;
    }
  | { readonly type: 'stopPlayback' }
  | { readonly type: 'announcementChanged'; readonly announcementId: string };

/** One locked command on one speaker: reduce as many commands as needed, collect what to do after. */
export interface StepContext {
  readonly m: EntityManager;
  readonly speaker: LockedSpeaker;
  readonly now: number;
  readonly ctx: SpeakerContext;
  readonly state: SpeakerState;
  reduce(command: SpeakerCommand): SpeakerTransition;
  effect(effect: EngineEffect): void;
}

export type SpeakerStep = (step: StepContext) => Promise<SpeakerResult | void>;

/** The outcome of one locked command, committed; `afterCommit` carries out its effects. */
export interface Applied {
  readonly before: LockedSpeaker;
  readonly speaker: LockedSpeaker;
  readonly result: SpeakerResult;
  readonly effects: readonly EngineEffect[];
  readonly steps: readonly RecordStep[];
  readonly changed: boolean;
  /** Residents' inbox notifications written with the state, pushed after the commit. */
  readonly notifications: readonly Notification[];
}
