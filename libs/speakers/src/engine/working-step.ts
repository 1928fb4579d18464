import { EntityManager } from 'typeorm';
import { reduceSpeaker, SpeakerCommand, SpeakerContext, SpeakerResult, SpeakerState, SpeakerTransition } from '../domain';
import { RecordStep } from '../policy/session-record-plan';
import { EngineEffect, StepContext } from './engine-effects';
import { LockedSpeaker } from './locked-speaker';

/** The working copy of one speaker's state during a locked command. */
export class WorkingStep implements StepContext {
  readonly effects: EngineEffect[] = [];
  readonly steps: RecordStep[] = [];
  private current: SpeakerState;
  private first: SpeakerResult | null = null;

  constructor(
    readonly m: EntityManager,
    readonly speaker: LockedSpeaker,
    readonly ctx: SpeakerContext,
  ) {
    this.current = speaker.state;
  }

  get now(): number {
    return this.ctx.now;
  }

  get state(): SpeakerState {
    return this.current;
  }

  /** The answer of the first command reduced (what the caller asked for). */
  get firstResult(): SpeakerResult | null {
    return this.first;
  }

  reduce(command: SpeakerCommand): SpeakerTransition {
    const transition = reduceSpeaker(this.current, command, this.ctx);
    this.current = transition.state;
    this.effects.push(...transition.effects);
    this.steps.push({ command, result: transition.result, effects: transition.effects });
    this.first ??= transition.result;
    return transition;
  }

  effect(effect: EngineEffect): void {
    this.effects.push(effect);
  }
}
