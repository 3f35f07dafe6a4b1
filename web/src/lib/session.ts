// Who is signed in. The session lives in the server's cookies, so it survives a reload:
// at start the app asks GET /api/auth/me (after one refresh if needed).
import { useSyncExternalStore } from 'react';
import { api, ApiError, onSessionEvent } from './api-client';
import type { Me } from './api-types';
import { clearResources } from './resource';
import { live } from './ws';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; me: Me };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  if (next.status === 'signed-in') live.start();
  else live.stop();
  listeners.forEach((l) => l());
}

export function getSession(): SessionState {
  return state;
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => state,
  );
}

/** Loads the signed-in user (GET /api/auth/me). */
export async function loadSession(): Promise<void> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    set({ status: 'signed-in', me });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) set({ status: 'signed-out' });
    else set({ status: 'signed-out', reason: `The server could not check your session: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Called after a successful sign-in or sign-up: the cookies are set, load the user. */
export async function sessionStarted(): Promise<void> {
  clearResources();
  await loadSession();
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout', {}, { noRefresh: true });
  } finally {
    clearResources();
    set({ status: 'signed-out' });
  }
}

onSessionEvent(() => {
  if (state.status === 'signed-in') set({ status: 'signed-out', reason: 'Your session ended. Sign in again.' });
});
