import type { DiffLine } from '../api/docs';

export function DiffView({ lines }: { lines: DiffLine[] }) {
  return (
    <pre className="overflow-x-auto rounded-md border border-zinc-200 font-mono text-[12px] leading-5 dark:border-zinc-800" data-testid="doc-diff">
      {lines.map((l, i) => (
        <div key={i} className={l.kind === 'add' ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200' : l.kind === 'del' ? 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200' : 'text-zinc-600 dark:text-zinc-400'}>
          <span className="inline-block w-5 text-center select-none" aria-hidden>{l.kind === 'add' ? '+' : l.kind === 'del' ? '−' : ' '}</span>
          <span className="sr-only">{l.kind === 'add' ? 'added: ' : l.kind === 'del' ? 'removed: ' : ''}</span>
          {l.text || ' '}
        </div>
      ))}
    </pre>
  );
}
