// Monaco editor and diff editor (lazy: this module and Monaco load with the Files tab).
import { useEffect, useRef } from 'react';
import { useDarkTheme } from '@/lib/theme';
import { monaco } from './monaco-setup';

type Props = { path: string; language: string; value: string; original: string; diff: boolean; readOnly: boolean; onChange: (v: string) => void; onSave: () => void };

export default function CodeEditor({ path, language, value, original, diff, readOnly, onChange, onSave }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkTheme();
  const latest = useRef({ onChange, onSave });
  useEffect(() => {
    latest.current = { onChange, onSave };
  });

  useEffect(() => {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const common = { automaticLayout: true, fontSize: 13, minimap: { enabled: false }, scrollBeyondLastLine: false, theme: dark ? 'vs-dark' : 'vs' } as const;
    const modified = monaco.editor.createModel(value, language);
    const disposables: { dispose(): void }[] = [modified];
    if (diff) {
      const orig = monaco.editor.createModel(original, language);
      const ed = monaco.editor.createDiffEditor(el, { ...common, readOnly, originalEditable: false, renderSideBySide: el.clientWidth > 700 });
      ed.setModel({ original: orig, modified });
      disposables.push(ed, orig);
    } else {
      const ed = monaco.editor.create(el, { ...common, model: modified, readOnly });
      ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave());
      disposables.push(ed);
    }
    const sub = modified.onDidChangeContent(() => latest.current.onChange(modified.getValue()));
    disposables.push(sub);
    return () => disposables.reverse().forEach((d) => d.dispose());
    // Recreate only when the file, the mode or the saved version changes; edits stay in the model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, diff, original, readOnly, language]);

  return <div ref={host} className="h-full w-full" data-testid="code-editor" data-path={path} />;
}
