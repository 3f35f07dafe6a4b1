import { Bot, ShieldAlert, User as UserIcon } from 'lucide-react';
import { Badge, type Tone } from '@/components/Badge';
import { Markdown } from '@/components/Markdown';
import type { ChatMessage, ClarifyingQuestion } from '@/lib/api-types';
import { Questions } from './Questions';

interface Payload {
  kind?: string;
  questions?: ClarifyingQuestion[];
  applied?: unknown[];
  assumptions?: string[];
  specVersion?: number;
}

const KIND: Record<string, { label: string; tone: Tone }> = {
  planned: { label: 'plan ready', tone: 'brand' },
  clarify: { label: 'needs answers', tone: 'amber' },
  refused: { label: 'refused', tone: 'red' },
  edited: { label: 'spec edited', tone: 'green' },
  undone: { label: 'undone', tone: 'neutral' },
  no_change: { label: 'no change', tone: 'neutral' },
};

export function MessageItem({ message, isLast, busy, onAnswer }: { message: ChatMessage; isLast: boolean; busy: boolean; onAnswer: (answers: Record<string, string>, text: string) => void }) {
  if (message.role === 'user') {
    return (
      <li className="flex justify-end gap-2" data-testid="chat-message" data-role="user">
        <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-3.5 py-2 text-sm whitespace-pre-wrap text-white shadow-sm dark:bg-brand-500">{message.text}</div>
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
          <UserIcon className="size-4" />
        </span>
      </li>
    );
  }
  const p = (message.payload ?? {}) as Payload;
  const kind = p.kind ? KIND[p.kind] : undefined;
  const refused = p.kind === 'refused';
  return (
    <li className="flex gap-2" data-testid="chat-message" data-role="assistant" data-kind={p.kind}>
      <span className={`mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full ${refused ? 'bg-red-100 text-red-700 dark:bg-red-900/50 dark:text-red-300' : 'bg-brand-100 text-brand-700 dark:bg-brand-900/60 dark:text-brand-300'}`} aria-hidden>
        {refused ? <ShieldAlert className="size-4" /> : <Bot className="size-4" />}
      </span>
      <div className={`min-w-0 flex-1 rounded-2xl rounded-tl-sm border px-3.5 py-2.5 ${refused ? 'border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40' : 'border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900'}`}>
        {kind && (
          <div className="mb-1 flex items-center gap-2">
            <Badge tone={kind.tone}>{kind.label}</Badge>
            {p.specVersion ? <span className="text-[11px] muted">spec v{p.specVersion}</span> : null}
          </div>
        )}
        <Markdown source={message.text} />
        {p.assumptions && p.assumptions.length > 0 && (
          <details className="mt-2 text-xs muted">
            <summary className="cursor-pointer select-none">Assumptions ({p.assumptions.length})</summary>
            <ul className="mt-1 list-disc pl-5">
              {p.assumptions.map((a, i) => <li key={i}>{a}</li>)}
            </ul>
          </details>
        )}
        {p.kind === 'clarify' && p.questions && p.questions.length > 0 && (
          <Questions questions={p.questions} disabled={busy || !isLast} onAnswer={onAnswer} />
        )}
      </div>
    </li>
  );
}
