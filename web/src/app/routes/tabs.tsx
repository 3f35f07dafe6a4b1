// The workbench's tabs. Each tab's code (and its heavy library: mermaid, React Flow,
// swagger-ui, monaco) is its own chunk, loaded when the tab is first shown.
import { lazy } from 'react';
import { BookOpen, Database, FileCode2, FileText, FlaskConical, Network, ScrollText, Workflow, type LucideIcon } from 'lucide-react';
import type { TabId } from '@/lib/router';

export const TAB_META: Record<TabId, { label: string; icon: LucideIcon }> = {
  plan: { label: 'Plan', icon: FileText },
  'system-diagram': { label: 'System Diagram', icon: Network },
  services: { label: 'Services', icon: Workflow },
  endpoints: { label: 'Endpoints', icon: ScrollText },
  tests: { label: 'Tests', icon: FlaskConical },
  'db-data': { label: 'DB Data', icon: Database },
  docs: { label: 'Docs', icon: BookOpen },
  files: { label: 'Files', icon: FileCode2 },
};

export const PlanTab = lazy(() => import('@/features/plan').then((m) => ({ default: m.PlanTab })));
export const SystemDiagramTab = lazy(() => import('@/features/system-diagram').then((m) => ({ default: m.SystemDiagramTab })));
export const ServicesTab = lazy(() => import('@/features/services').then((m) => ({ default: m.ServicesTab })));
export const EndpointsTab = lazy(() => import('@/features/endpoints').then((m) => ({ default: m.EndpointsTab })));
export const TestsTab = lazy(() => import('@/features/tests').then((m) => ({ default: m.TestsTab })));
export const DbDataTab = lazy(() => import('@/features/db-data').then((m) => ({ default: m.DbDataTab })));
export const DocsTab = lazy(() => import('@/features/docs').then((m) => ({ default: m.DocsTab })));
export const FilesTab = lazy(() => import('@/features/files').then((m) => ({ default: m.FilesTab })));
