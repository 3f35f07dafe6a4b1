import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { invalidate, setResource, useResource } from './resource';

function View({ fetcher }: { fetcher: () => Promise<string> }) {
  const r = useResource('t:key', fetcher);
  return <p>{r.loading && !r.data ? 'loading' : (r.data ?? String(r.error))}</p>;
}

describe('useResource', () => {
  it('loads once, refetches on invalidate, accepts local updates', async () => {
    let n = 0;
    const fetcher = vi.fn(() => Promise.resolve(`v${++n}`));
    render(<View fetcher={fetcher} />);
    await screen.findByText('v1');
    act(() => invalidate('t:'));
    await screen.findByText('v2');
    act(() => setResource<string>('t:key', (old) => `${old}+local`));
    expect(screen.getByText('v2+local')).toBeTruthy();
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
  });
});
