// Dark and light themes: the system's by default, a stored choice once the user toggles.
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'bf.theme';
const listeners = new Set<() => void>();

function media(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
}

export function themeChoice(): ThemeChoice {
  const t = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  return t === 'light' || t === 'dark' ? t : 'system';
}

export function isDark(): boolean {
  const c = themeChoice();
  return c === 'dark' || (c === 'system' && Boolean(media()?.matches));
}

function apply(): void {
  document.documentElement.classList.toggle('dark', isDark());
  listeners.forEach((l) => l());
}

export function setTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  apply();
}

export function toggleTheme(): void {
  setTheme(isDark() ? 'light' : 'dark');
}

export function initTheme(): void {
  media()?.addEventListener('change', apply);
  apply();
}

export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    isDark,
  );
}
