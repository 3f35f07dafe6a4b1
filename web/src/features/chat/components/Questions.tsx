import { useState } from 'react';
import { Check, Send } from 'lucide-react';
import type { ClarifyingQuestion } from '@/lib/api-types';

/** The assistant's clarifying questions as one-click options. */
export function Questions({ questions, disabled, onAnswer }: { questions: ClarifyingQuestion[]; disabled: boolean; onAnswer: (answers: Record<string, string>, text: string) => void }) {
  const [picked, setPicked] = useState<Record<string, string>>(() =>
    Object.fromEntries(questions.filter((q) => q.default).map((q) => [q.id, q.default as string])),
  );
  const single = questions.length === 1;
  const send = (answers: Record<string, string>) =>
    onAnswer(answers, questions.map((q) => `${q.text} → ${answers[q.id] ?? q.default ?? ''}`).join('\n'));

  return (
    <div className="mt-3 space-y-3" data-testid="chat-questions">
      {questions.map((q) => (
        <fieldset key={q.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
          <legend className="px-1 text-[13px] font-medium">{q.text}</legend>
          <div className="flex flex-wrap gap-2">
            {(q.options ?? []).map((o) => {
              const on = picked[q.id] === o;
              return (
                <button
                  key={o}
                  type="button"
                  disabled={disabled}
                  data-testid="chat-option"
                  aria-pressed={on}
                  onClick={() => {
                    const next = { ...picked, [q.id]: o };
                    setPicked(next);
                    if (single) send(next);
                  }}
                  className={`btn btn-sm ${on ? 'btn-primary' : 'btn-secondary'}`}
                >
                  {on && <Check className="size-3.5" aria-hidden />}
                  {o}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}
      {!single && (
        <button type="button" className="btn btn-primary btn-sm" disabled={disabled || questions.some((q) => !picked[q.id])} onClick={() => send(picked)}>
          <Send className="size-3.5" aria-hidden /> Send answers
        </button>
      )}
    </div>
  );
}
