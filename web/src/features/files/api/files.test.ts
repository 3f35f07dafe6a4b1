import { describe, expect, it, vi } from 'vitest';
import { buildTree, commitsTouching, deleteFile, languageOf, parsePatch } from './files';

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

describe('history', () => {
  it('parses a unified diff into numbered lines without the git header', () => {
    const lines = parsePatch('diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -3,3 +3,4 @@ fn\n a\n-b\n+B\n+C\n c\n\\ No newline at end of file\n');
    expect(lines.map((l) => l.kind)).toEqual(['hunk', 'same', 'del', 'add', 'add', 'same', 'meta']);
    expect(lines[1]).toMatchObject({ text: 'a', old: 3, new: 3 });
    expect(lines[2]).toMatchObject({ text: 'b', old: 4 });
    expect(lines[4]).toMatchObject({ text: 'C', new: 5 });
    expect(lines[5]).toMatchObject({ text: 'c', old: 5, new: 6 });
  });

  it('keeps only the commits that touched a path', () => {
    const c = (sha: string, paths: string[]) => ({ sha, parents: [], summary: sha, message: sha, author: {}, time: '', files: paths.map((path) => ({ path })) });
    expect(commitsTouching([c('1', ['a', 'b']), c('2', ['b']), c('3', ['a'])], 'a').map((x) => x.sha)).toEqual(['1', '3']);
  });
});

describe('delete', () => {
  it('sends DELETE for the file path, each segment encoded', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ path: 'src/a b.ts', deleted: true, commit: 'f'.repeat(40) }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    const answer = await deleteFile('p1', 'src/a b.ts');
    expect(answer.commit).toBe('f'.repeat(40));
    const [url, init] = fetched.mock.calls[0] ?? [];
    expect(init?.method).toBe('DELETE');
    expect(String(url)).toMatch(/\/api\/projects\/p1\/files\/src\/a%20b\.ts$/);
    vi.restoreAllMocks();
  });
});
