import { describe, expect, it } from 'vitest';
import { lineDiff, sections, snippetParts } from './docs';

describe('docs helpers', () => {
  it('splits a document into sections at # and ## headings', () => {
    const s = sections('intro\n# History\n- v1\n## Details\ntext\n### sub\nmore\n');
    expect(s.map((x) => x.title)).toEqual(['Overview', 'History', 'Details']);
    expect(s[2]?.body).toContain('### sub');
  });

  it('diffs two versions line by line', () => {
    expect(lineDiff('a\nb\n', 'a\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'del', text: 'b' },
      { kind: 'add', text: 'c' },
    ]);
  });

  it('marks the matches of a search snippet', () => {
    expect(snippetParts('...the [green] run, [3] passed')).toEqual([
      { text: '...the ', match: false },
      { text: 'green', match: true },
      { text: ' run, ', match: false },
      { text: '3', match: true },
      { text: ' passed', match: false },
    ]);
    expect(snippetParts('no match')).toEqual([{ text: 'no match', match: false }]);
  });
});
