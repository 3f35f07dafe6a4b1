import { FileText } from 'lucide-react';
import { Markdown } from '@/components/Markdown';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import { usePlan } from '@/lib/project';

export function PlanTab({ projectId }: { projectId: string }) {
  const plan = usePlan(projectId);
  if (plan.error !== undefined && plan.data === undefined) return <ErrorState error={plan.error} onRetry={plan.reload} />;
  if (plan.data === undefined) return <Skeleton lines={8} />;
  if (plan.data === null)
    return (
      <Empty icon={<FileText className="size-8" />} title="No plan yet">
        Describe the backend in the chat. The plan (stack, data model, diagrams and endpoints) appears here and follows every change you ask for.
      </Empty>
    );
  return (
    <article className="mx-auto max-w-4xl px-4 py-5 sm:px-6" data-testid="plan-view" data-spec-version={plan.data.specVersion}>
      <p className="mb-2 text-xs muted">Plan of spec v{plan.data.specVersion}</p>
      <Markdown source={plan.data.markdown} />
    </article>
  );
}
