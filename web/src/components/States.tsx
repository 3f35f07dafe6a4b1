// Loading, empty, error and "not available on this server" states, the same everywhere.
import type { ReactNode } from 'react';
import { AlertTriangle, Loader2, PlugZap, RotateCw } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api-client';

export function Loading({ label = 'Loading…', className = '' }: { label?: string; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={`flex items-center justify-center gap-2 p-8 text-sm muted ${className}`}>
      <Loader2 className="size-4 animate-spin" aria-hidden />
      {label}
    </div>
  );
}

export function Skeleton({ lines = 4 }: { lines?: number }) {
  return (
    <div className="space-y-3 p-6" aria-hidden>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

export function Empty({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex h-full min-h-48 flex-col items-center justify-center gap-2 p-8 text-center" data-state="empty">
      {icon && <div className="mb-1 text-zinc-400 dark:text-zinc-500">{icon}</div>}
      <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">{title}</h3>
      {children && <div className="max-w-sm text-sm muted">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = title ?? (error instanceof ApiError ? error.title : 'Something went wrong');
  return (
    <div role="alert" className="flex h-full min-h-48 flex-col items-center justify-center gap-2 p-8 text-center" data-state="error">
      <AlertTriangle className="size-6 text-red-500" aria-hidden />
      <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">{t}</h3>
      <p className="max-w-md text-sm muted">{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="btn btn-secondary mt-2" onClick={onRetry}>
          <RotateCw className="size-4" aria-hidden /> Retry
        </button>
      )}
    </div>
  );
}

/**
 * A feature this server does not offer yet (its endpoint is missing from the server's OpenAPI
 * document). data-state="unavailable" lets the end-to-end test detect it: never a fake success.
 */
export function Unavailable({ feature, endpoint, children }: { feature: string; endpoint: string; children?: ReactNode }) {
  return (
    <div className="flex h-full min-h-48 flex-col items-center justify-center gap-2 p-8 text-center" data-state="unavailable" data-feature={feature}>
      <PlugZap className="size-6 text-zinc-400" aria-hidden />
      <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">{feature} is not available on this server</h3>
      <p className="max-w-md text-sm muted">
        This server has no <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">{endpoint}</code> endpoint yet.
        {children ? <> {children}</> : null}
      </p>
    </div>
  );
}
