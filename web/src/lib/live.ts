// React hooks over the live connection.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ServerEvent } from './api-types';
import { live, type ConnectionState } from './ws';

/** Calls `handler` for each event of the project (and `resync` after a reconnect). */
export function useProjectEvents(projectId: string | undefined, handler: (e: ServerEvent) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!projectId) return;
    return live.subscribe(projectId, (e) => ref.current(e));
  }, [projectId]);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (cb) => live.onState(cb),
    () => live.connectionState(),
  );
}
