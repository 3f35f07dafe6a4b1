import { useEffect, useRef, useState } from 'react';
import { ChevronDown, Download, FileArchive, FileJson, FileText, Send } from 'lucide-react';
import { api } from '@/lib/api-client';
import type { ExportFormat } from '@/lib/api-types';
import { reportError } from '@/lib/bus';

const FORMATS: { id: ExportFormat; label: string; hint: string; ext: string; icon: typeof FileJson }[] = [
  { id: 'openapi-json', label: 'OpenAPI (JSON)', hint: 'OpenAPI 3.1 document', ext: '.openapi.json', icon: FileJson },
  { id: 'openapi-yaml', label: 'OpenAPI (YAML)', hint: 'Same document, YAML', ext: '.openapi.yaml', icon: FileText },
  { id: 'postman', label: 'Postman collection', hint: 'Collection v2.1', ext: '.postman_collection.json', icon: Send },
  { id: 'zip', label: 'Project (zip)', hint: 'Every generated file', ext: '.zip', icon: FileArchive },
];

/** Export menu: downloads through the API client, so errors get the server's message. */
export function ExportMenu({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  async function download(f: (typeof FORMATS)[number]) {
    setBusy(f.id);
    try {
      const blob = await api.get<Blob>('/api/export', { query: { projectId, format: f.id }, as: 'blob' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${projectName.replace(/[^a-zA-Z0-9_-]/g, '-') || 'project'}${f.ext}`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setOpen(false);
    } catch (e) {
      setOpen(false);
      reportError.emit({ title: `Could not export ${f.label}`, error: e });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="relative" ref={root}>
      <button type="button" className="btn btn-secondary" data-testid="export-button" aria-label="Export" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Download className="size-4" aria-hidden /> <span className="hidden md:inline">Export</span> <ChevronDown className="size-3.5" aria-hidden />
      </button>
      {open && (
        <div role="menu" aria-label="Export formats" className="absolute right-0 z-40 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-1 shadow-xl dark:border-zinc-800 dark:bg-zinc-900">
          {FORMATS.map((f) => (
            <button key={f.id} role="menuitem" type="button" data-testid={`export-${f.id}`} disabled={busy !== null} onClick={() => void download(f)} className="flex w-full items-start gap-3 rounded-md px-2.5 py-2 text-left hover:bg-zinc-100 disabled:opacity-60 dark:hover:bg-zinc-800">
              <f.icon className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
              <span>
                <span className="block text-[13px] font-medium">{f.label}</span>
                <span className="block text-xs muted">{busy === f.id ? 'Preparing…' : f.hint}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
