// The live connection: one WebSocket to /api/chat per tab, shared by every feature.
// Subscriptions are reference-counted per project; after a drop the client reconnects with
// backoff, subscribes again to every project still wanted, and tells listeners `resync` so
// they refetch what they may have missed (events are not replayed). No polling anywhere.
import type { ServerEvent } from './api-types';

export type ConnectionState = 'connecting' | 'open' | 'closed';
type Listener = (event: ServerEvent) => void;

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

export interface LiveClientOptions {
  url?: () => string;
  createSocket?: (url: string) => SocketLike;
  /** Backoff after the n-th failed attempt, in ms. */
  backoff?: (attempt: number) => number;
  pingMs?: number;
}

const OPEN = 1;

export class LiveClient {
  private socket: SocketLike | null = null;
  private readonly wanted = new Map<string, number>(); // projectId -> refcount
  private readonly listeners = new Map<string, Set<Listener>>(); // projectId -> listeners
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private state: ConnectionState = 'closed';
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  private everOpened = false;
  private readonly opts: Required<LiveClientOptions>;

  constructor(opts: LiveClientOptions = {}) {
    this.opts = {
      url: opts.url ?? (() => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat`),
      createSocket: opts.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike),
      backoff: opts.backoff ?? ((n) => Math.min(10_000, 500 * 2 ** Math.min(n, 5)) + Math.random() * 250),
      pingMs: opts.pingMs ?? 25_000,
    };
  }

  /** Starts connecting (idempotent). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes the connection for good (sign-out). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.clearPing();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = null;
      s.close(1000, 'bye');
    }
    this.setState('closed');
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Receives the events of a project while subscribed. Returns the unsubscribe function. */
  subscribe(projectId: string, listener: Listener): () => void {
    let set = this.listeners.get(projectId);
    if (!set) this.listeners.set(projectId, (set = new Set()));
    set.add(listener);
    const n = (this.wanted.get(projectId) ?? 0) + 1;
    this.wanted.set(projectId, n);
    if (n === 1) this.sendJson({ type: 'subscribe', projectId });
    return () => {
      set.delete(listener);
      const left = (this.wanted.get(projectId) ?? 1) - 1;
      if (left <= 0) {
        this.wanted.delete(projectId);
        this.listeners.delete(projectId);
        this.sendJson({ type: 'unsubscribe', projectId });
      } else {
        this.wanted.set(projectId, left);
      }
    };
  }

  private sendJson(msg: object): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(msg));
  }

  private setState(s: ConnectionState): void {
    if (this.state === s) return;
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }

  private connect(): void {
    if (this.stopped) return;
    this.setState('connecting');
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url());
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      this.setState('open');
      for (const pid of this.wanted.keys()) this.sendJson({ type: 'subscribe', projectId: pid });
      this.clearPing();
      this.pingTimer = setInterval(() => this.sendJson({ type: 'ping' }), this.opts.pingMs);
      if (reconnected) this.broadcast({ type: 'resync' });
    };
    socket.onmessage = (ev: MessageEvent) => {
      let msg: ServerEvent;
      try {
        msg = JSON.parse(String(ev.data)) as ServerEvent;
      } catch {
        return;
      }
      if (!msg || typeof msg.type !== 'string' || msg.type === 'pong' || msg.type === 'subscribed') return;
      const pid =
        (typeof msg.data?.projectId === 'string' && msg.data.projectId) ||
        (msg.topic?.startsWith('project:') ? msg.topic.slice(8) : undefined);
      if (pid) this.listeners.get(pid)?.forEach((l) => l(msg));
      else if (msg.type === 'error') this.broadcast(msg);
    };
    socket.onerror = () => {
      /* onclose follows and schedules the retry */
    };
    socket.onclose = () => {
      this.clearPing();
      if (this.socket === socket) this.socket = null;
      this.scheduleRetry();
    };
  }

  private broadcast(ev: ServerEvent): void {
    for (const set of this.listeners.values()) set.forEach((l) => l(ev));
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.setState('closed');
    const wait = this.opts.backoff(this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, wait);
  }

  private clearPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}

/** The app's connection. */
export const live = new LiveClient();
