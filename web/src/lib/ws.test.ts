import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from './api-types';
import { LiveClient, type SocketLike } from './ws';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close'));
  }
  receive(msg: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(msg) }));
  }
}

describe('LiveClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  const make = () => new LiveClient({ url: () => 'ws://test/api/chat', createSocket: (u) => new FakeSocket(u), backoff: () => 100, pingMs: 1000 });

  it('subscribes once per project and routes events to its listeners', () => {
    const c = make();
    c.start();
    const s = FakeSocket.all[0] as FakeSocket;
    const a = vi.fn<(e: ServerEvent) => void>();
    const b = vi.fn<(e: ServerEvent) => void>();
    const offA = c.subscribe('p1', a);
    c.subscribe('p1', b);
    s.open();
    expect(s.sent).toEqual([{ type: 'subscribe', projectId: 'p1' }]);
    s.receive({ type: 'chat.message', topic: 'project:p1', seq: 1, data: { projectId: 'p1', message: { id: 1 } } });
    s.receive({ type: 'job.log', topic: 'project:p2', seq: 2, data: { line: 'x' } });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    offA();
    expect(s.sent).toHaveLength(1); // b still listens
    c.stop();
  });

  it('reconnects after a drop, resubscribes and announces a resync', () => {
    const c = make();
    const states: string[] = [];
    c.onState((st) => states.push(st));
    c.start();
    const first = FakeSocket.all[0] as FakeSocket;
    const heard = vi.fn<(e: ServerEvent) => void>();
    c.subscribe('p1', heard);
    first.open();
    first.drop();
    expect(c.connectionState()).toBe('closed');
    vi.advanceTimersByTime(100);
    const second = FakeSocket.all[1] as FakeSocket;
    second.open();
    expect(second.sent).toEqual([{ type: 'subscribe', projectId: 'p1' }]);
    expect(heard).toHaveBeenCalledWith({ type: 'resync' });
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
    c.stop();
  });

  it('pings while open and stops for good on stop()', () => {
    const c = make();
    c.start();
    const s = FakeSocket.all[0] as FakeSocket;
    s.open();
    vi.advanceTimersByTime(2100);
    expect(s.sent.filter((m) => (m as { type: string }).type === 'ping')).toHaveLength(2);
    c.stop();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('unsubscribes when the last listener leaves', () => {
    const c = make();
    c.start();
    const s = FakeSocket.all[0] as FakeSocket;
    s.open();
    const off = c.subscribe('p9', () => undefined);
    off();
    expect(s.sent).toEqual([
      { type: 'subscribe', projectId: 'p9' },
      { type: 'unsubscribe', projectId: 'p9' },
    ]);
    c.stop();
  });
});
