// A small cache for server reads: `useResource(key, fetcher)` gives {data, error, loading,
// reload}; `invalidate(prefix)` refetches every mounted read whose key starts with prefix
// (called by the live-event handlers, so data refreshes when the server says it changed).
import { useCallback, useEffect, useSyncExternalStore } from 'react';

interface Entry<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  fetcher: () => Promise<T>;
  generation: number;
  listeners: Set<() => void>;
  snapshot: ResourceState<T>;
}

export interface ResourceState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

const cache = new Map<string, Entry<unknown>>();
const EMPTY: ResourceState<never> = { data: undefined, error: undefined, loading: false };
const LOADING: ResourceState<never> = { data: undefined, error: undefined, loading: true };

function notify(e: Entry<unknown>): void {
  e.snapshot = { data: e.data, error: e.error, loading: e.loading };
  e.listeners.forEach((l) => l());
}

function load(key: string): void {
  const e = cache.get(key);
  if (!e) return;
  const gen = ++e.generation;
  e.loading = true;
  notify(e);
  e.fetcher().then(
    (data) => {
      if (gen !== e.generation) return;
      e.data = data;
      e.error = undefined;
      e.loading = false;
      notify(e);
    },
    (error: unknown) => {
      if (gen !== e.generation) return;
      e.error = error;
      e.loading = false;
      notify(e);
    },
  );
}

export function invalidate(prefix: string): void {
  for (const [key, e] of cache) {
    if (key.startsWith(prefix)) {
      if (e.listeners.size > 0) load(key);
      else cache.delete(key);
    }
  }
}

/** Replaces cached data without a fetch (e.g. from a response that carries it). */
export function setResource<T>(key: string, update: (old: T | undefined) => T): void {
  const e = cache.get(key) as Entry<T> | undefined;
  if (!e) return;
  e.data = update(e.data);
  e.error = undefined;
  notify(e as Entry<unknown>);
}

export function clearResources(): void {
  cache.clear();
}

export function useResource<T>(key: string | null, fetcher: () => Promise<T>): ResourceState<T> & { reload: () => void } {
  const subscribe = useCallback(
    (cb: () => void) => {
      if (!key) return () => undefined;
      let e = cache.get(key) as Entry<T> | undefined;
      const isNew = !e;
      if (!e) {
        e = {
          data: undefined,
          error: undefined,
          loading: true,
          fetcher,
          generation: 0,
          listeners: new Set(),
          snapshot: { data: undefined, error: undefined, loading: true },
        };
        cache.set(key, e as Entry<unknown>);
      }
      e.fetcher = fetcher;
      e.listeners.add(cb);
      if (isNew || (e.error !== undefined && !e.loading)) load(key);
      const entry = e;
      return () => {
        entry.listeners.delete(cb);
      };
    },
    // The fetcher is captured per key; a new closure for the same key must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const snapshot = useSyncExternalStore(subscribe, () => {
    if (!key) return EMPTY;
    const e = cache.get(key);
    return e ? (e.snapshot as ResourceState<T>) : LOADING;
  });
  useEffect(() => {
    const e = key ? cache.get(key) : undefined;
    if (e) e.fetcher = fetcher as () => Promise<unknown>;
  });
  const reload = useCallback(() => {
    if (key) load(key);
  }, [key]);
  return { ...snapshot, reload };
}
