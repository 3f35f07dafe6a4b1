import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Loader2, MessageSquareText, Rocket, Search, SendHorizontal, Sparkles, X } from 'lucide-react';
import { ErrorState, Skeleton } from '@/components/States';
import { errorMessage } from '@/lib/api-client';
import type { ChatMessage } from '@/lib/api-types';
import { assignToChat, commands } from '@/lib/bus';
import { useProjectEvents } from '@/lib/live';
import { invalidate, setResource, useResource } from '@/lib/resource';
import { projectKey } from '@/lib/project';
import { listMessages, mergeMessages, postMessage, searchMessages } from '../api/chat';
import { EXAMPLES } from './examples';
import { MessageItem } from './MessageItem';

export interface ChatPanelProps {
  projectId: string;
  canEdit: boolean;
  /** True once the project has a plan: shows "Confirm & generate". */
  hasPlan: boolean;
  generating: boolean;
  onConfirm: () => void;
}

export function ChatPanel({ projectId, canEdit, hasPlan, generating, onConfirm }: ChatPanelProps) {
  const key = projectKey(projectId, 'messages');
  const messages = useResource<ChatMessage[]>(key, () => listMessages(projectId));
  const [text, setText] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [hits, setHits] = useState<ChatMessage[] | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useProjectEvents(projectId, (e) => {
    if (e.type === 'chat.message' && e.data?.message) {
      setResource<ChatMessage[]>(key, (old) => mergeMessages(old, [e.data?.message as ChatMessage]));
    } else if (e.type === 'resync') {
      invalidate(key);
    }
  });

  useEffect(
    () =>
      assignToChat.on((ref) => {
        setText((t) => (t.trim() ? `${t.trimEnd()} ${ref} ` : `${ref} `));
        requestAnimationFrame(() => inputRef.current?.focus());
      }),
    [],
  );
  useEffect(() => commands.on((c) => c === 'focus-chat' && inputRef.current?.focus()), []);

  const count = messages.data?.length ?? 0;
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [count, pending]);

  async function send(body: string, answers?: Record<string, string>) {
    const t = body.trim();
    if (!t || pending) return;
    setPending(t);
    setSendError(null);
    setText('');
    try {
      const ex = await postMessage(projectId, answers ? { text: t, answers } : { text: t });
      setResource<ChatMessage[]>(key, (old) => mergeMessages(old, [ex.message, ex.reply]));
      if (ex.specChanged) {
        invalidate(projectKey(projectId, 'project'));
        invalidate(projectKey(projectId, 'plan'));
      }
    } catch (e) {
      setSendError(e);
      setText(t);
    } finally {
      setPending(null);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send(text);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send(text);
    }
  }

  async function runSearch(q: string) {
    setQuery(q);
    if (!q.trim()) return setHits(null);
    try {
      setHits(await searchMessages(projectId, q.trim()));
    } catch (e) {
      setSendError(e);
    }
  }

  const list = messages.data ?? [];
  const lastAssistant = [...list].reverse().find((m) => m.role === 'assistant');

  return (
    <section className="flex h-full min-h-0 flex-col" aria-label="Chat">
      <div className="flex h-10 shrink-0 items-center justify-between gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
        <h2 className="panel-title flex items-center gap-1.5"><MessageSquareText className="size-3.5" aria-hidden /> Chat</h2>
        {query === null ? (
          <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Search the conversation" data-tip="Search the conversation" data-tip-side="left" onClick={() => setQuery('')}>
            <Search className="size-4" aria-hidden />
          </button>
        ) : (
          <div className="flex min-w-0 flex-1 items-center justify-end gap-1">
            <input autoFocus aria-label="Search the conversation" className="input h-7 max-w-56 text-xs" placeholder="Search messages…" value={query} onChange={(e) => void runSearch(e.target.value)} />
            <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Close search" onClick={() => { setQuery(null); setHits(null); }}>
              <X className="size-4" aria-hidden />
            </button>
          </div>
        )}
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4" aria-live="polite" role="log" aria-label="Conversation" tabIndex={0}>
        {hits !== null ? (
          <ul className="space-y-2" aria-label="Search results">
            {hits.length === 0 && <li className="text-sm muted">No message matches “{query}”.</li>}
            {hits.map((m) => (
              <li key={m.id} className="card p-2 text-sm">
                <span className="mr-2 text-[11px] font-semibold uppercase muted">{m.role}</span>
                <span dangerouslySetInnerHTML={{ __html: (m.snippet ?? m.text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\[(.*?)\]/g, '<mark>$1</mark>') }} />
              </li>
            ))}
          </ul>
        ) : messages.error !== undefined && !messages.data ? (
          <ErrorState error={messages.error} onRetry={messages.reload} />
        ) : !messages.data ? (
          <Skeleton lines={4} />
        ) : list.length === 0 && !pending ? (
          <div className="flex h-full flex-col justify-center">
            <div className="mx-auto max-w-md text-center">
              <span className="mx-auto flex size-10 items-center justify-center rounded-full bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-300"><Sparkles className="size-5" aria-hidden /></span>
              <h3 className="mt-3 text-base font-semibold">Describe the backend you need</h3>
              <p className="mt-1 text-sm muted">Entities, who can do what, and anything real-time. BackendForge asks when something is unclear.</p>
            </div>
            <ul className="mx-auto mt-5 grid w-full max-w-md gap-2" aria-label="Examples">
              {EXAMPLES.map((ex) => (
                <li key={ex.title}>
                  <button type="button" disabled={!canEdit} data-testid="chat-example" onClick={() => void send(ex.text)} className="card w-full px-3 py-2 text-left text-sm transition hover:border-brand-400 hover:bg-brand-50/50 disabled:opacity-60 dark:hover:border-brand-500 dark:hover:bg-brand-900/20">
                    <span className="muted">Try:</span> <span className="font-medium">{ex.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ol className="space-y-4" data-testid="chat-history">
            {list.map((m) => (
              <MessageItem key={m.id} message={m} isLast={m.id === lastAssistant?.id} busy={pending !== null || !canEdit} onAnswer={(answers, t) => void send(t, answers)} />
            ))}
            {pending && (
              <>
                <li className="flex justify-end">
                  <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600/80 px-3.5 py-2 text-sm whitespace-pre-wrap text-white">{pending}</div>
                </li>
                <li className="flex items-center gap-2 text-sm muted" role="status">
                  <Loader2 className="size-4 animate-spin" aria-hidden /> Thinking…
                </li>
              </>
            )}
          </ol>
        )}
        <div ref={endRef} />
      </div>

      {sendError !== null && (
        <div role="alert" data-testid="chat-error" className="mx-3 mb-2 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <span className="flex-1">{errorMessage(sendError)}</span>
          <button type="button" aria-label="Dismiss" className="shrink-0" onClick={() => setSendError(null)}><X className="size-4" aria-hidden /></button>
        </div>
      )}

      {hasPlan && canEdit && (
        <div className="mx-3 mb-2 flex items-center justify-between gap-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 dark:border-brand-800 dark:bg-brand-950/50">
          <p className="text-xs text-brand-900 dark:text-brand-200">Happy with the plan? Generation writes the tests first, then the code.</p>
          <button type="button" className="btn btn-primary btn-sm" data-testid="confirm-generate" onClick={onConfirm} disabled={generating}>
            <Rocket className="size-3.5" aria-hidden /> {generating ? 'Generating…' : 'Confirm & generate'}
          </button>
        </div>
      )}

      <form onSubmit={onSubmit} className="shrink-0 border-t border-zinc-200 p-3 dark:border-zinc-800">
        <div className="flex items-end gap-2 rounded-xl border border-zinc-300 bg-white p-1.5 focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 dark:border-zinc-700 dark:bg-zinc-900">
          <label htmlFor="chat-input" className="sr-only">Message</label>
          <textarea
            id="chat-input"
            ref={inputRef}
            data-testid="chat-input"
            rows={2}
            disabled={!canEdit}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={canEdit ? (list.length ? 'Ask for a change: “add comments to posts”, “make email unique”…' : 'Describe your backend…') : 'Viewers cannot change this project'}
            className="max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-1.5 text-sm outline-none placeholder:text-zinc-500 dark:placeholder:text-zinc-400"
          />
          <button type="submit" data-testid="chat-send" aria-label="Send (Enter)" data-tip="Send (Enter)" data-tip-side="left" className="btn btn-primary btn-icon shrink-0" disabled={!canEdit || !text.trim() || pending !== null}>
            <SendHorizontal className="size-4" aria-hidden />
          </button>
        </div>
        <p className="mt-1.5 px-1 text-[11px] muted">Enter to send · Shift+Enter for a new line<span className="hidden sm:inline"> · ? for shortcuts</span></p>
      </form>
    </section>
  );
}
