// Shared infrastructure: in-process event hub feeding the SSE stream.
// (One process; to scale out, publish through Redis/PG LISTEN and keep this interface.)
import { EventEmitter } from 'node:events';
import type { Principal } from '../auth/access.js';

export interface DomainEvent {
  /** `<entity>.<created|updated|deleted>`, e.g. `order-item.created`. */
  type: string;
  id: string;
  data: unknown;
}

export interface SequencedEvent extends DomainEvent {
  seq: number;
  /** Who may receive it: the entity's read rule applied to the record. */
  visibleTo(actor: Principal | undefined): boolean;
}

export type EventListener = (event: SequencedEvent) => void;

export class EventHub {
  private readonly emitter = new EventEmitter();
  private seq = 0;
  private readonly closers = new Set<() => void>();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(type: string, id: string, data: unknown, visibleTo: (actor: Principal | undefined) => boolean): void {
    this.seq += 1;
    const event: SequencedEvent = { seq: this.seq, type, id, data, visibleTo };
    this.emitter.emit('event', event);
  }

  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Registers a callback that ends a long-lived stream; all are called on shutdown. */
  onClose(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }

  get connectionCount(): number {
    return this.closers.size;
  }
}
