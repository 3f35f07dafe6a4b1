// Shows errors reported through the bus in one dialog, with the server's clear message.
import { useEffect, useState } from 'react';
import { AlertTriangle } from 'lucide-react';
import { Dialog } from '@/components/Dialog';
import { ApiError, errorMessage } from '@/lib/api-client';
import { reportError, type ErrorReport } from '@/lib/bus';

export function ErrorHost() {
  const [report, setReport] = useState<ErrorReport | null>(null);
  useEffect(() => reportError.on(setReport), []);
  const e = report?.error;
  return (
    <Dialog open={report !== null} onClose={() => setReport(null)} title={report?.title ?? ''} role="alertdialog" testId="error-dialog" size="sm"
      footer={<button type="button" className="btn btn-primary" onClick={() => setReport(null)} autoFocus>OK</button>}>
      <div className="flex gap-3">
        <AlertTriangle className="mt-0.5 size-5 shrink-0 text-red-500" aria-hidden />
        <div className="min-w-0 text-sm">
          <p data-testid="error-message">{errorMessage(e)}</p>
          {e instanceof ApiError && (
            <p className="mt-2 font-mono text-[11px] muted">
              {e.status ? `HTTP ${e.status} · ` : ''}{e.code}{e.retryAfter ? ` · retry in ${e.retryAfter} s` : ''}
            </p>
          )}
        </div>
      </div>
    </Dialog>
  );
}
