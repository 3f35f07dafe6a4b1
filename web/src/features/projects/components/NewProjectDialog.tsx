import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/Dialog';
import { ApiError, errorMessage } from '@/lib/api-client';
import type { Project } from '@/lib/api-types';
import { createProject } from '../api/projects';

export function NewProjectDialog({ open, onClose, workspaceId, onCreated }: { open: boolean; onClose: () => void; workspaceId: string; onCreated: (p: Project) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError(new ApiError({ status: 422, code: 'validation.failed', detail: 'Give the project a name.' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const p = await createProject(workspaceId, { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
      setName('');
      setDescription('');
      onCreated(p);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="New project" testId="new-project-dialog">
      <form id="new-project-form" onSubmit={submit} className="space-y-4">
        {error !== null && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {errorMessage(error)}
          </p>
        )}
        <div>
          <label className="label" htmlFor="project-name">Name</label>
          <input id="project-name" data-testid="project-name-input" className="input" autoFocus maxLength={100} placeholder="e.g. shop-api" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <label className="label" htmlFor="project-description">Description <span className="font-normal muted">(optional — you can also describe it in the chat)</span></label>
          <textarea id="project-description" className="input h-24 resize-y py-2" maxLength={20000} placeholder="An e-commerce backend with products, inventory and orders…" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="flex justify-end gap-2 pt-1">
          <button type="button" className="btn btn-secondary" onClick={onClose}>Cancel</button>
          <button type="submit" className="btn btn-primary" data-testid="project-create-submit" disabled={busy} aria-busy={busy || undefined}>
            Create project
          </button>
        </div>
      </form>
    </Dialog>
  );
}
