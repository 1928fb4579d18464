import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import type { ClientMessage } from '@app/contracts/realtime';

/** Client events that act on a domain module (as opposed to subscriptions, which realtime handles). */
export type CommandEvent = Exclude<ClientMessage['event'], 'subscribe' | 'unsubscribe' | 'snapshot.request'>;
export type CommandPayload<E extends CommandEvent> = Extract<ClientMessage, { event: E }>['payload'];
/** Throw a DomainError to refuse; its code and message go back to the client. The result goes to the ack. */
export type CommandHandler<E extends CommandEvent> = (principal: Principal, payload: CommandPayload<E>) => Promise<unknown>;

/** Handlers of client commands (e.g. access registers `alarm.ack`), so the gateway stays thin. */
@Injectable()
export class RealtimeCommands {
  private readonly handlers = new Map<CommandEvent, CommandHandler<CommandEvent>>();

  register<E extends CommandEvent>(event: E, handler: CommandHandler<E>): void {
    if (this.handlers.has(event)) throw new Error(`realtime command "${event}" is already registered`);
    this.handlers.set(event, handler as unknown as CommandHandler<CommandEvent>);
  }

  get<E extends CommandEvent>(event: E): CommandHandler<E> | undefined {
    return this.handlers.get(event) as CommandHandler<E> | undefined;
  }
}
