// Markdown to safe HTML (marked + DOMPurify), with Mermaid blocks split out so the caller can
// render them as diagrams.
import DOMPurify from 'dompurify';
import { Marked, type Token } from 'marked';

const md = new Marked({ gfm: true, breaks: false });

export type MarkdownPart = { kind: 'html'; html: string } | { kind: 'mermaid'; code: string };

export function sanitize(html: string): string {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

// Wide tables and code blocks scroll sideways: keyboard users must be able to focus them.
function focusableScrollers(html: string): string {
  return html.replace(/<(table|pre)>/g, '<$1 tabindex="0">');
}

/** Splits Markdown into HTML runs and ```mermaid blocks, in order. */
export function splitMarkdown(source: string): MarkdownPart[] {
  const tokens = md.lexer(source);
  const parts: MarkdownPart[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const list = Object.assign(run, { links: tokens.links });
    parts.push({ kind: 'html', html: focusableScrollers(sanitize(md.parser(list))) });
    run = [];
  };
  for (const t of tokens) {
    if (t.type === 'code' && (t as { lang?: string }).lang?.trim() === 'mermaid') {
      flush();
      parts.push({ kind: 'mermaid', code: (t as { text: string }).text });
    } else {
      run.push(t);
    }
  }
  flush();
  return parts;
}

/** The ```mermaid blocks of a document, with the heading they sit under. */
export function mermaidBlocks(source: string): { heading: string; code: string }[] {
  const out: { heading: string; code: string }[] = [];
  let heading = '';
  for (const t of md.lexer(source)) {
    if (t.type === 'heading') heading = (t as { text: string }).text;
    if (t.type === 'code' && (t as { lang?: string }).lang?.trim() === 'mermaid') {
      out.push({ heading, code: (t as { text: string }).text });
    }
  }
  return out;
}

/** The kind of a Mermaid diagram from its first keyword (erDiagram, flowchart, sequenceDiagram…). */
export function mermaidKind(code: string): string {
  const first = code.trim().split(/\s+/)[0] ?? '';
  return first.toLowerCase();
}
