import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'brand' | 'green' | 'red' | 'amber' | 'blue';

const TONES: Record<Tone, string> = {
  neutral: 'border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  brand: 'border-brand-200 bg-brand-50 text-brand-700 dark:border-brand-700 dark:bg-brand-700/30 dark:text-brand-300',
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  red: 'border-red-200 bg-red-50 text-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-300',
  amber: 'border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300',
  blue: 'border-sky-200 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300',
};

export function Badge({ tone = 'neutral', children, title, className = '' }: { tone?: Tone; children: ReactNode; title?: string; className?: string }) {
  return (
    <span className={`badge ${TONES[tone]} ${className}`} title={title}>
      {children}
    </span>
  );
}

/** Colours of HTTP methods, used by the endpoint lists and the services diagram. */
export const METHOD_TONE: Record<string, Tone> = {
  GET: 'blue',
  POST: 'green',
  PUT: 'amber',
  PATCH: 'amber',
  DELETE: 'red',
};

export function MethodBadge({ method }: { method: string }) {
  const m = method.toUpperCase();
  return (
    <Badge tone={METHOD_TONE[m] ?? 'neutral'} className="w-14 justify-center font-mono">
      {m}
    </Badge>
  );
}
