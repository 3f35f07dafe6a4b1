import '@xyflow/react/dist/style.css';
import { memo, useMemo } from 'react';
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { AtSign, Database, Globe, Server, Workflow } from 'lucide-react';
import { Badge, MethodBadge } from '@/components/Badge';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import { assignToChat } from '@/lib/bus';
import { operations, useProject, useProjectOpenApi } from '@/lib/project';
import { useDarkTheme } from '@/lib/theme';
import { buildServices, serviceColor, type ServiceModel } from './model';

import type { Health } from '@/lib/preview';

const HEALTH: Record<Health, { label: string; dot: string }> = {
  up: { label: 'healthy', dot: 'bg-emerald-500' },
  down: { label: 'down', dot: 'bg-red-500' },
  starting: { label: 'starting', dot: 'bg-amber-500' },
  stopped: { label: 'preview stopped', dot: 'bg-zinc-400' },
  unavailable: { label: 'no live preview on this server', dot: 'bg-zinc-400' },
  unknown: { label: 'unknown', dot: 'bg-zinc-400' },
};

type ServiceData = { service: ServiceModel; color: string; health: Health };
type BoxData = { title: string; subtitle: string; icon: 'client' | 'api' | 'db'; health?: Health };

const ServiceNode = memo(function ServiceNode({ data }: NodeProps<Node<ServiceData>>) {
  const { service, color, health } = data;
  return (
    <div className="w-72 overflow-hidden rounded-lg border bg-white shadow-sm dark:bg-zinc-900" style={{ borderColor: color }} data-testid="service-node">
      <Handle type="target" position={Position.Left} />
      <div className="flex items-center justify-between gap-2 px-3 py-1.5 text-white" style={{ background: color }}>
        <span className="truncate text-[13px] font-semibold">{service.name}</span>
        <span className="flex items-center gap-1 text-[11px] font-semibold" title={HEALTH[health].label}>
          <span className={`size-2 rounded-full ring-1 ring-white/70 ${HEALTH[health].dot}`} />
          {health === 'up' ? 'live' : ''}
        </span>
      </div>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {service.endpoints.map((e) => (
          <li key={`${e.method} ${e.path}`} className="group flex items-center gap-2 px-2 py-1">
            <MethodBadge method={e.method} />
            <span className="min-w-0 flex-1 truncate font-mono text-[11px]" title={e.summary ?? e.path}>{e.path}</span>
            <button type="button" className="nodrag rounded p-0.5 text-zinc-400 opacity-0 group-hover:opacity-100 hover:text-brand-600 focus-visible:opacity-100" aria-label={`Assign ${e.method} ${e.path} to chat`} title="Assign to chat" onClick={() => assignToChat.emit(`@endpoint ${e.method} ${e.path}`)}>
              <AtSign className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

const BoxNode = memo(function BoxNode({ data }: NodeProps<Node<BoxData>>) {
  const Icon = data.icon === 'client' ? Globe : data.icon === 'db' ? Database : Server;
  return (
    <div className="flex w-48 items-center gap-3 rounded-lg border border-zinc-300 bg-white px-3 py-2.5 shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
      <Handle type="target" position={Position.Left} />
      <Icon className="size-5 shrink-0 text-zinc-500" aria-hidden />
      <div className="min-w-0">
        <div className="truncate text-[13px] font-semibold">{data.title}</div>
        <div className="truncate text-[11px] muted">{data.subtitle}</div>
      </div>
      {data.health && <span className={`ml-auto size-2.5 shrink-0 rounded-full ${HEALTH[data.health].dot}`} title={HEALTH[data.health].label} />}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

const nodeTypes = { service: ServiceNode, box: BoxNode };

export function ServicesTab({ projectId, health }: { projectId: string; health: Health }) {
  const project = useProject(projectId);
  const version = project.data?.specVersion ?? 0;
  const doc = useProjectOpenApi(projectId, version);
  const dark = useDarkTheme();

  const { nodes, edges, services } = useMemo(() => {
    const services = buildServices(operations(doc.data));
    const nodes: Node[] = [];
    const edges: Edge[] = [];
    const rowH = (s: ServiceModel) => 44 + s.endpoints.length * 29;
    // Services in up to three columns, each placed in the shortest one, so the diagram keeps a
    // screen-like shape and fitView does not shrink it to nothing.
    const cols = Math.max(1, Math.min(3, Math.ceil(services.length / 3)));
    const colY = Array.from({ length: cols }, () => 0);
    const placed = services.map((s) => {
      const c = colY.indexOf(Math.min(...colY));
      const y = colY[c] ?? 0;
      colY[c] = y + rowH(s) + 24;
      return { s, x: 520 + c * 320, y };
    });
    const mid = Math.max(...colY) / 2 - 30;
    nodes.push({ id: 'client', type: 'box', position: { x: 0, y: mid }, data: { title: 'Clients', subtitle: 'web, mobile, CLI', icon: 'client' } });
    nodes.push({ id: 'api', type: 'box', position: { x: 260, y: mid }, data: { title: 'REST API', subtitle: project.data?.stack || 'stack chosen at generation', icon: 'api', health } });
    edges.push({ id: 'client-api', source: 'client', target: 'api', animated: health === 'up' });
    let entityIndex = 0;
    placed.forEach(({ s, x, y }) => {
      const color = serviceColor(s.kind === 'entity' ? entityIndex++ : 0, s.kind);
      nodes.push({ id: `svc-${s.id}`, type: 'service', position: { x, y }, data: { service: s, color, health } });
      edges.push({ id: `api-${s.id}`, source: 'api', target: `svc-${s.id}`, style: { stroke: color } });
      if (s.kind === 'entity' || s.kind === 'auth') edges.push({ id: `${s.id}-db`, source: `svc-${s.id}`, target: 'db', style: { stroke: color, strokeDasharray: '4 3' } });
    });
    nodes.push({ id: 'db', type: 'box', position: { x: 520 + cols * 320 + 40, y: mid }, data: { title: 'Database', subtitle: project.data?.database || 'sqlite (default)', icon: 'db' } });
    return { nodes, edges, services };
  }, [doc.data, health, project.data?.stack, project.data?.database]);

  if (version === 0 && project.data)
    return (
      <Empty icon={<Workflow className="size-8" />} title="No services yet">
        Services and their endpoints appear once the backend is described in the chat.
      </Empty>
    );
  if (doc.error !== undefined && !doc.data) return <ErrorState error={doc.error} onRetry={doc.reload} />;
  if (!doc.data) return <Skeleton lines={6} />;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800">
        <span className="muted">{services.length} services · {services.reduce((n, s) => n + s.endpoints.length, 0)} endpoints</span>
        <span className="ml-auto flex items-center gap-1.5" data-testid="services-health" data-health={health}>
          <span className={`size-2 rounded-full ${HEALTH[health].dot}`} aria-hidden /> Health: {HEALTH[health].label}
        </span>
        <span className="hidden items-center gap-1 md:flex">
          {['GET', 'POST', 'PATCH', 'DELETE'].map((m) => <MethodBadge key={m} method={m} />)}
          <Badge tone="neutral">dashed: data access</Badge>
        </span>
      </div>
      <div className="min-h-[420px] flex-1" data-testid="services-diagram">
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.15 }} minZoom={0.2} colorMode={dark ? 'dark' : 'light'} proOptions={{ hideAttribution: true }} nodesConnectable={false}>
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
