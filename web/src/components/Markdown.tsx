import { useMemo } from 'react';
import { splitMarkdown } from '@/lib/markdown';
import { Mermaid } from './Mermaid';

/** Markdown rendered safely, with ```mermaid blocks drawn as diagrams. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  const parts = useMemo(() => splitMarkdown(source), [source]);
  return (
    <div className={`prose-bf ${className}`}>
      {parts.map((p, i) =>
        p.kind === 'html' ? <div key={i} dangerouslySetInnerHTML={{ __html: p.html }} /> : <Mermaid key={i} code={p.code} />,
      )}
    </div>
  );
}
