import type { Tone } from '@/components/Badge';
import type { ProjectStatus } from '@/lib/api-types';

export const STATUS_TONE: Record<ProjectStatus, Tone> = {
  draft: 'neutral',
  clarifying: 'amber',
  planned: 'brand',
  generating: 'blue',
  generated: 'blue',
  testing: 'blue',
  tested: 'green',
  failed: 'red',
};
