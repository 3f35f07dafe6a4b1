import { useMemo } from 'react';
import { AtSign, Network } from 'lucide-react';
import { Mermaid } from '@/components/Mermaid';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import type { AppSpec } from '@/lib/api-types';
import { assignToChat } from '@/lib/bus';
import { mermaidBlocks, mermaidKind } from '@/lib/markdown';
import { usePlan, useProject } from '@/lib/project';

const TITLES: Record<string, string> = {
  erdiagram: 'Data model (ER)',
  flowchart: 'Architecture',
  graph: 'Architecture',
  sequencediagram: 'Sequence',
  'architecture-beta': 'Architecture',
};

export function SystemDiagramTab({ projectId }: { projectId: string }) {
  const plan = usePlan(projectId);
  const project = useProject(projectId);
  const blocks = useMemo(() => (plan.data ? mermaidBlocks(plan.data.markdown) : []), [plan.data]);
  const spec = project.data?.spec as AppSpec | null | undefined;

  if (plan.error !== undefined && plan.data === undefined) return <ErrorState error={plan.error} onRetry={plan.reload} />;
  if (plan.data === undefined) return <Skeleton lines={6} />;
  if (plan.data === null || blocks.length === 0)
    return (
      <Empty icon={<Network className="size-8" />} title="No diagrams yet">
        The ER and architecture diagrams are drawn from the plan once you have described the backend in the chat.
      </Empty>
    );

  const er = blocks.filter((b) => mermaidKind(b.code) === 'erdiagram');
  const others = blocks.filter((b) => mermaidKind(b.code) !== 'erdiagram');
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-5 sm:px-6">
      {spec?.entities && spec.entities.length > 0 && (
        <section aria-label="Entities">
          <h3 className="panel-title mb-2">Entities</h3>
          <ul className="flex flex-wrap gap-2">
            {spec.entities.map((e) => (
              <li key={e.name} className="card flex items-center gap-1 py-0.5 pr-0.5 pl-2.5 text-[13px]">
                <span className="font-medium">{e.name}</span>
                <span className="text-xs muted">{e.fields?.length ?? 0} fields</span>
                <button type="button" className="btn btn-ghost btn-icon h-6 w-6" aria-label={`Assign ${e.name} to chat`} data-tip="Assign to chat" onClick={() => assignToChat.emit(`@entity ${e.name}`)}>
                  <AtSign className="size-3.5" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {er.map((b, i) => (
        <section key={`er${i}`} aria-label="ER diagram">
          <h3 className="panel-title mb-1">{TITLES.erdiagram}</h3>
          <Mermaid code={b.code} testId={i === 0 ? 'er-diagram' : undefined} label="Entity-relationship diagram" />
        </section>
      ))}
      {others.map((b, i) => (
        <section key={`o${i}`} aria-label={b.heading || 'Diagram'}>
          <h3 className="panel-title mb-1">{b.heading || TITLES[mermaidKind(b.code)] || 'Diagram'}</h3>
          <Mermaid code={b.code} label={b.heading || 'Diagram'} />
        </section>
      ))}
    </div>
  );
}
