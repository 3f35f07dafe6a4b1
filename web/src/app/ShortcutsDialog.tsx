import { Dialog } from '@/components/Dialog';
import { Kbd } from '@/components/Kbd';

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['Enter'], what: 'Send the chat message' },
  { keys: ['Shift', 'Enter'], what: 'New line in the chat' },
  { keys: ['/'], what: 'Focus the chat input' },
  { keys: ['Alt', '1…8'], what: 'Switch tab (Plan … Files)' },
  { keys: ['Alt', 'T'], what: 'Run all tests' },
  { keys: ['Alt', 'G'], what: 'Generate the backend' },
  { keys: ['Ctrl', '`'], what: 'Show or hide the terminals' },
  { keys: ['Ctrl', 'S'], what: 'Save the open file' },
  { keys: ['?'], what: 'This list' },
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" size="sm" testId="shortcuts-dialog">
      <ul className="space-y-2">
        {SHORTCUTS.map((s) => (
          <li key={s.what} className="flex items-center justify-between gap-4 text-sm">
            <span>{s.what}</span>
            <span className="flex shrink-0 gap-1">{s.keys.map((k) => <Kbd key={k}>{k}</Kbd>)}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
