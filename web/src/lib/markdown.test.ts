import { describe, expect, it } from 'vitest';
import { mermaidBlocks, mermaidKind, splitMarkdown } from './markdown';

const doc = `# Plan\n\nSome **bold** text.\n\n## Data model\n\n\`\`\`mermaid\nerDiagram\n  USER ||--o{ POST : writes\n\`\`\`\n\n## Architecture\n\n\`\`\`mermaid\nflowchart LR\n  A --> B\n\`\`\`\n\n<script>alert(1)</script>\n`;

describe('markdown', () => {
  it('splits Mermaid blocks out of the HTML, in order, and sanitizes the HTML', () => {
    const parts = splitMarkdown(doc);
    expect(parts.map((p) => p.kind)).toEqual(['html', 'mermaid', 'html', 'mermaid', 'html']);
    const html = parts.filter((p) => p.kind === 'html').map((p) => (p as { html: string }).html).join('');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
  });

  it('finds diagrams with their headings and kinds', () => {
    const blocks = mermaidBlocks(doc);
    expect(blocks.map((b) => [b.heading, mermaidKind(b.code)])).toEqual([
      ['Data model', 'erdiagram'],
      ['Architecture', 'flowchart'],
    ]);
  });
});

describe('scrollable blocks', () => {
  it('makes tables and code blocks focusable', () => {
    const [part] = splitMarkdown('Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n');
    expect(part?.kind).toBe('html');
    const html = part?.kind === 'html' ? part.html : '';
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<pre tabindex="0">');
  });
});
