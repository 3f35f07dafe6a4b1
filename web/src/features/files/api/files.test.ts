import { describe, expect, it } from 'vitest';
import { buildTree, languageOf } from './files';

describe('file tree', () => {
  it('puts folders first and sorts by name', () => {
    const t = buildTree([{ path: 'src/z.ts', size: 1 }, { path: 'README.md', size: 2 }, { path: 'src/app/a.ts', size: 3 }, { path: 'Dockerfile', size: 4 }]);
    expect(t.map((n) => n.name)).toEqual(['src', 'Dockerfile', 'README.md']);
    expect(t[0]?.children?.map((n) => n.name)).toEqual(['app', 'z.ts']);
    expect(t[0]?.children?.[0]?.children?.[0]?.path).toBe('src/app/a.ts');
  });

  it('picks the editor language from the name', () => {
    expect(languageOf('src/a.ts')).toBe('typescript');
    expect(languageOf('Dockerfile')).toBe('dockerfile');
    expect(languageOf('x.unknown')).toBe('plaintext');
  });
});
