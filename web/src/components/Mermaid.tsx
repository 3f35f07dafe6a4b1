// A Mermaid diagram, rendered by the lazily loaded mermaid library (never on the first screen).
import { useEffect, useId, useState } from 'react';
import type MermaidDefault from 'mermaid';
import { useDarkTheme } from '@/lib/theme';

type MermaidApi = typeof MermaidDefault;
let loader: Promise<MermaidApi> | null = null;
let configuredDark: boolean | null = null;

function loadMermaid(): Promise<MermaidApi> {
  loader ??= import('mermaid').then((m) => m.default);
  return loader;
}

// mermaid.render is not re-entrant: render one diagram at a time.
let queue: Promise<unknown> = Promise.resolve();

async function render(id: string, code: string, dark: boolean): Promise<string> {
  const mermaid = await loadMermaid();
  const job = queue.then(async () => {
    if (configuredDark !== dark) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: dark ? 'dark' : 'default',
        // Solid label backgrounds: mermaid's dark theme draws edge labels on a translucent fill
        // whose contrast with the text fails WCAG AA.
        themeVariables: dark ? { edgeLabelBackground: '#18181b', textColor: '#e4e4e7' } : { edgeLabelBackground: '#ffffff' },
        fontFamily: 'ui-sans-serif, system-ui, sans-serif',
        er: { useMaxWidth: true },
        flowchart: { useMaxWidth: true },
      });
      configuredDark = dark;
    }
    const { svg } = await mermaid.render(id, code);
    return svg;
  });
  queue = job.catch(() => undefined);
  return job;
}

export interface MermaidProps {
  code: string;
  className?: string;
  testId?: string;
  label?: string;
}

export function Mermaid({ code, className = '', testId, label }: MermaidProps) {
  const dark = useDarkTheme();
  const rawId = useId();
  const [state, setState] = useState<{ svg?: string; error?: string; key: string }>({ key: '' });
  const key = `${dark}:${code}`;

  useEffect(() => {
    let alive = true;
    const id = `mmd-${rawId.replace(/[^a-zA-Z0-9]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
    render(id, code, dark).then(
      (svg) => alive && setState({ svg, key }),
      (e: unknown) => {
        document.getElementById(`d${id}`)?.remove();
        if (alive) setState({ error: e instanceof Error ? e.message : String(e), key });
      },
    );
    return () => {
      alive = false;
    };
  }, [code, dark, key, rawId]);

  const ready = state.key === key;
  return (
    <figure
      className={`my-3 overflow-x-auto rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
      data-testid={testId}
      data-rendered={ready && state.svg ? 'true' : 'false'}
      aria-label={label ?? 'Diagram'}
      role="img"
    >
      {!ready && <div className="h-40 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden />}
      {ready && state.svg && <div className="flex justify-center [&_svg]:h-auto [&_svg]:max-w-full" dangerouslySetInnerHTML={{ __html: state.svg }} />}
      {ready && state.error && (
        <div className="text-sm">
          <p className="mb-2 text-red-600 dark:text-red-400">This diagram could not be drawn: {state.error}</p>
          <pre className="overflow-x-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">{code}</pre>
        </div>
      )}
    </figure>
  );
}
