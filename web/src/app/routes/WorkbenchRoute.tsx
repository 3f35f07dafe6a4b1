// The project workbench: chat on the left, tabs on the right, terminals below. This file
// composes the features; they talk to each other only through src/lib (bus, resources).
import { Suspense, useEffect, useMemo, useState } from 'react';
import { ArrowLeft, Database, Layers, MessageSquareText, PanelsTopLeft, Rocket } from 'lucide-react';
import { Badge } from '@/components/Badge';
import { AppHeader } from '@/components/AppHeader';
import { ErrorState, Loading, Skeleton } from '@/components/States';
import { ChatPanel } from '@/features/chat';
import { ExportMenu } from '@/features/export';
import { GenerateProgress, startGenerate } from '@/features/jobs';
import { PreviewControl } from '@/features/preview';
import { STATUS_TONE } from '@/features/projects';
import { TerminalDock } from '@/features/terminal';
import { commands, reportError } from '@/lib/bus';
import { usePreview } from '@/lib/preview';
import { projectKey, usePlan, useJobs, useProject } from '@/lib/project';
import { invalidate } from '@/lib/resource';
import { navigate, TABS, type TabId } from '@/lib/router';
import { isFinished, useProjectSync } from '@/lib/sync';
import { DbDataTab, DocsTab, EndpointsTab, FilesTab, PlanTab, ServicesTab, SystemDiagramTab, TAB_META, TestsTab } from './tabs';

export default function WorkbenchRoute({ projectId, tab, onShortcuts }: { projectId: string; tab: TabId; onShortcuts: () => void }) {
  useProjectSync(projectId);
  const project = useProject(projectId);
  const plan = usePlan(projectId);
  const jobs = useJobs(projectId);
  const preview = usePreview(projectId);
  const [pane, setPane] = useState<'chat' | 'tabs'>('chat');
  const [starting, setStarting] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const p = project.data;
  const canEdit = p ? p.role !== 'viewer' : false;
  const generateJob = jobs.data?.find((j) => j.kind === 'generate');
  const generating = Boolean(generateJob && !isFinished(generateJob)) || starting;
  const latestJob = jobs.data?.[0];
  const generated = Boolean(p?.stack) && ['generated', 'testing', 'tested'].includes(p?.status ?? '');
  const showProgress = generateJob && (generating || (dismissed !== generateJob.id && generateJob.finishedAt && Date.now() - Date.parse(generateJob.finishedAt) < 10 * 60_000));

  useEffect(() => {
    if (p?.name) document.title = `${p.name} · BackendForge`;
    return () => {
      document.title = 'BackendForge';
    };
  }, [p?.name]);

  async function generate() {
    if (!p || generating) return;
    setStarting(true);
    try {
      await startGenerate(projectId);
      setDismissed(null);
      invalidate(projectKey(projectId, 'jobs'));
    } catch (e) {
      reportError.emit({ title: 'Generation could not start', error: e });
    } finally {
      setStarting(false);
    }
  }

  const selectTab = (t: TabId) => {
    navigate({ name: 'project', projectId, tab: t });
    setPane('tabs');
  };

  // Keyboard: Alt+1..8 tabs, Alt+G generate, Alt+T run tests, Ctrl+` terminals, / chat.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const n = Number(e.code.replace('Digit', ''));
        if (n >= 1 && n <= TABS.length) {
          e.preventDefault();
          selectTab(TABS[n - 1] as TabId);
        } else if (e.code === 'KeyG') {
          e.preventDefault();
          void generate();
        } else if (e.code === 'KeyT') {
          e.preventDefault();
          selectTab('tests');
          setTimeout(() => commands.emit('run-tests'), 50);
        }
      } else if (e.ctrlKey && e.key === '`') {
        e.preventDefault();
        commands.emit('toggle-terminal');
      } else if (!typing && e.key === '/') {
        e.preventDefault();
        setPane('chat');
        commands.emit('focus-chat');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const tabBody = useMemo(() => {
    switch (tab) {
      case 'plan':
        return <PlanTab projectId={projectId} />;
      case 'system-diagram':
        return <SystemDiagramTab projectId={projectId} />;
      case 'services':
        return <ServicesTab projectId={projectId} health={preview.health} />;
      case 'endpoints':
        return <EndpointsTab projectId={projectId} />;
      case 'tests':
        return <TestsTab projectId={projectId} canEdit={canEdit} />;
      case 'db-data':
        return <DbDataTab projectId={projectId} />;
      case 'docs':
        return <DocsTab projectId={projectId} />;
      case 'files':
        return <FilesTab projectId={projectId} canEdit={canEdit} />;
    }
  }, [tab, projectId, preview.health, canEdit]);

  const home = () => navigate(p ? { name: 'projects', workspaceId: p.workspaceId } : { name: 'projects' });

  return (
    <div className="flex h-full flex-col">
      <AppHeader onHome={home} onShortcuts={onShortcuts}>
        <button type="button" className="btn btn-ghost btn-icon hidden shrink-0 sm:inline-flex" aria-label="All projects" data-tip="All projects" onClick={home}>
          <ArrowLeft className="size-4" aria-hidden />
        </button>
        {p ? (
          <>
            <h1 className="min-w-0 truncate text-sm font-semibold" data-testid="project-name" title={p.name}>{p.name}</h1>
            <div className="hidden items-center gap-1.5 lg:flex">
              <Badge tone="neutral" title="Stack"><Layers className="size-3" aria-hidden />{p.stack || 'stack: on generate'}</Badge>
              <Badge tone="neutral" title="Database"><Database className="size-3" aria-hidden />{p.database || 'sqlite'}</Badge>
              <Badge tone={STATUS_TONE[p.status]}>{p.status}</Badge>
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-1.5">
              <button type="button" className="btn btn-primary" data-testid="generate-button" disabled={!canEdit || p.specVersion === 0 || generating} onClick={() => void generate()}
                aria-label={p.specVersion === 0 ? 'Generate (describe the backend first)' : generating ? 'Generating…' : 'Generate (Alt+G)'} data-tip={p.specVersion === 0 ? 'Describe the backend first' : 'Generate test-first (Alt+G)'}>
                <Rocket className="size-4" aria-hidden /> <span className="hidden sm:inline">{generating ? 'Generating…' : 'Generate'}</span>
              </button>
              <PreviewControl projectId={projectId} generated={generated} canEdit={canEdit} />
              <ExportMenu projectId={projectId} projectName={p.name} />
            </div>
          </>
        ) : (
          <div className="h-4 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        )}
      </AppHeader>

      {project.error !== undefined && !p ? (
        <ErrorState error={project.error} onRetry={project.reload} />
      ) : !p ? (
        <Skeleton lines={6} />
      ) : (
        <>
          <div className="flex shrink-0 border-b border-zinc-200 p-1.5 lg:hidden dark:border-zinc-800" role="tablist" aria-label="Pane">
            {(['chat', 'tabs'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={pane === v} data-testid={`pane-${v}`} onClick={() => setPane(v)} className={`flex flex-1 items-center justify-center gap-1.5 rounded-md py-1.5 text-[13px] font-medium ${pane === v ? 'bg-zinc-100 dark:bg-zinc-800' : 'muted'}`}>
                {v === 'chat' ? <MessageSquareText className="size-4" aria-hidden /> : <PanelsTopLeft className="size-4" aria-hidden />}
                {v === 'chat' ? 'Chat' : TAB_META[tab].label}
              </button>
            ))}
          </div>
          <div className="flex min-h-0 flex-1">
            <div className={`${pane === 'chat' ? 'flex' : 'hidden'} min-h-0 w-full flex-col border-zinc-200 lg:flex lg:w-[400px] lg:shrink-0 lg:border-r xl:w-[440px] dark:border-zinc-800`}>
              <ChatPanel projectId={projectId} canEdit={canEdit} hasPlan={Boolean(plan.data) && !generated} generating={generating} onConfirm={() => void generate()} />
            </div>
            <main className={`${pane === 'tabs' ? 'flex' : 'hidden'} min-h-0 min-w-0 flex-1 flex-col lg:flex`}>
              <div role="tablist" aria-label="Project views" className="flex shrink-0 gap-0.5 overflow-x-auto border-b border-zinc-200 px-2 dark:border-zinc-800">
                {TABS.map((t, i) => {
                  const M = TAB_META[t];
                  return (
                    <button key={t} type="button" role="tab" id={`tab-${t}`} aria-selected={tab === t} aria-controls="tab-panel" data-testid={`tab-${t}`} title={`${M.label} (Alt+${i + 1})`} onClick={() => selectTab(t)}
                      className={`-mb-px flex shrink-0 items-center gap-1.5 border-b-2 px-2.5 py-2.5 text-[13px] whitespace-nowrap transition-colors ${tab === t ? 'border-brand-600 font-medium text-zinc-900 dark:border-brand-400 dark:text-white' : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'}`}>
                      <M.icon className="size-4" aria-hidden /> {M.label}
                    </button>
                  );
                })}
              </div>
              {showProgress && generateJob && (
                <div className="relative">
                  <GenerateProgress projectId={projectId} job={generateJob} canEdit={canEdit} />
                  {!generating && <button type="button" data-testid="generate-progress-dismiss" className="absolute top-3 right-12 text-xs muted hover:underline" onClick={() => setDismissed(generateJob.id)}>Dismiss</button>}
                </div>
              )}
              <div id="tab-panel" role="tabpanel" tabIndex={0} aria-labelledby={`tab-${tab}`} className="min-h-0 flex-1 overflow-auto" data-tab={tab}>
                <Suspense fallback={<Loading />}>{tabBody}</Suspense>
              </div>
            </main>
          </div>
          <TerminalDock projectId={projectId} latestJob={latestJob} />
        </>
      )}
    </div>
  );
}
