// xterm.js, loaded with the terminal dock when it is first opened.
import '@xterm/xterm/css/xterm.css';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useDarkTheme } from '@/lib/theme';

export interface XtermHandle {
  selection(): string;
}

export default function XtermView({ lines, ref }: { lines: string[]; ref?: Ref<XtermHandle> }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const written = useRef(0);
  const dark = useDarkTheme();

  useImperativeHandle(ref, () => ({ selection: () => term.current?.getSelection() ?? '' }), []);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const t = new Terminal({ convertEol: true, disableStdin: true, fontSize: 12, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', scrollback: 5000, cursorStyle: 'bar', cursorInactiveStyle: 'none' });
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(el);
    term.current = t;
    written.current = 0;
    const ro = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        /* hidden */
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      t.dispose();
      term.current = null;
    };
  }, []);

  useEffect(() => {
    if (term.current) term.current.options.theme = dark ? { background: '#09090b', foreground: '#e4e4e7', selectionBackground: '#4f46e580' } : { background: '#fafafa', foreground: '#27272a', cursor: '#fafafa', selectionBackground: '#c7d2fe' };
  }, [dark]);

  useEffect(() => {
    const t = term.current;
    if (!t) return;
    if (lines.length < written.current) {
      t.clear();
      written.current = 0;
    }
    for (let i = written.current; i < lines.length; i++) t.writeln(lines[i] ?? '');
    written.current = lines.length;
  }, [lines]);

  return <div ref={host} className="h-full w-full overflow-hidden px-2 py-1" data-testid="xterm" />;
}
