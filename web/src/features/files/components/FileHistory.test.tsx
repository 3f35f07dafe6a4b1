import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Commit, CommitDiff } from '@/lib/api-types';
import { FileHistory } from './FileHistory';

const commit = (sha: string, summary: string, paths: string[]): Commit => ({
  sha, parents: [], summary, message: summary, author: { name: 'Ada' }, time: '2026-01-02T03:04:05Z',
  files: paths.map((path) => ({ path, status: 'modified' as const })),
});

const commits = [commit('b'.repeat(40), 'Edit src/app.ts', ['src/app.ts']), commit('c'.repeat(40), 'Edit README.md', ['README.md']), commit('a'.repeat(40), 'Generate', ['src/app.ts', 'README.md'])];
const diffs: Record<string, CommitDiff> = {
  ['b'.repeat(40)]: { sha: 'b'.repeat(40), summary: 'Edit src/app.ts', files: [{ path: 'src/app.ts', status: 'modified', additions: 1, deletions: 1, patch: 'diff --git a/src/app.ts b/src/app.ts\n--- a/src/app.ts\n+++ b/src/app.ts\n@@ -1,2 +1,2 @@\n keep\n-old line\n+new line\n' }] },
  ['a'.repeat(40)]: { sha: 'a'.repeat(40), summary: 'Generate', files: [{ path: 'src/app.ts', status: 'added', additions: 2, deletions: 0, patch: '@@ -0,0 +1,2 @@\n+keep\n+old line\n' }, { path: 'README.md', status: 'added', patch: '@@ -0,0 +1 @@\n+# readme\n' }] },
};

function serve() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://x');
    const sha = /\/history\/([0-9a-f]+)$/.exec(url.pathname)?.[1];
    const body = sha ? diffs[sha] : { data: commits };
    return new Response(JSON.stringify(body), { status: body ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('file history', () => {
  it('lists the commits that touched the file and shows the newest one\'s diff', async () => {
    serve();
    render(<FileHistory projectId="p-hist-1" path="src/app.ts" />);
    const items = await screen.findAllByTestId('file-history-commit');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('Edit src/app.ts'), expect.stringContaining('Generate')]);
    const diff = await screen.findByTestId('file-history-diff');
    expect(diff.getAttribute('data-sha')).toBe('b'.repeat(40));
    expect(diff.querySelector('[data-kind="del"]')?.textContent).toContain('old line');
    expect(diff.querySelector('[data-kind="add"]')?.textContent).toContain('new line');
    // The git header lines are not shown; the hunk header is.
    expect(diff.textContent).not.toContain('diff --git');
    expect(diff.textContent).toContain('@@ -1,2 +1,2 @@');
  });

  it('shows another commit\'s change to the same file when picked', async () => {
    serve();
    render(<FileHistory projectId="p-hist-2" path="src/app.ts" />);
    const items = await screen.findAllByTestId('file-history-commit');
    await userEvent.click(items[1] as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('file-history-diff').getAttribute('data-sha')).toBe('a'.repeat(40)));
    await waitFor(() => expect(screen.getByTestId('file-history-diff').querySelectorAll('[data-kind="add"]').length).toBe(2));
    expect(screen.getByTestId('file-history-diff').textContent).not.toContain('# readme');
    expect(items[1]?.getAttribute('aria-current')).toBe('true');
  });

  it('says so when no commit touched the file', async () => {
    serve();
    render(<FileHistory projectId="p-hist-3" path="src/never.ts" />);
    expect(await screen.findByText('No commits for this file')).toBeTruthy();
  });
});
