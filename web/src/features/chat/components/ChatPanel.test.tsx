import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignToChat } from '@/lib/bus';
import { clearResources } from '@/lib/resource';
import { ChatPanel } from './ChatPanel';

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  clearResources();
});

describe('ChatPanel', () => {
  it('offers examples for a new project and sends one as the first message', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (url, init) => {
      if (init?.method === 'POST')
        return ok({
          message: { id: 1, role: 'user', text: 'x' },
          reply: { id: 2, role: 'assistant', text: '## Plan ready\n\nEntities: **Product**', payload: { kind: 'planned', specVersion: 1 } },
          specVersion: 1,
          specChanged: true,
        });
      expect(String(url)).toContain('/api/projects/p1/messages');
      return ok({ data: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
    render(<ChatPanel projectId="p1" canEdit hasPlan={false} generating={false} onConfirm={() => undefined} />);
    const example = await screen.findByText('E-commerce backend with inventory');
    fireEvent.click(example);
    expect(await screen.findByText('plan ready')).toBeTruthy();
    expect(screen.getByText('Product')).toBeTruthy();
  });

  it('shows the server message when the chat is unavailable and keeps the text', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (_u, init) =>
        init?.method === 'POST'
          ? new Response(JSON.stringify({ status: 503, detail: 'this server was built without the analyzer; chat is unavailable', code: 'chat.unavailable' }), { status: 503 })
          : ok({ data: [] }),
      ),
    );
    render(<ChatPanel projectId="p2" canEdit hasPlan={false} generating={false} onConfirm={() => undefined} />);
    const input = (await screen.findByTestId('chat-input')) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: 'A blog' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByTestId('chat-error')).textContent).toContain('chat is unavailable');
    expect(input.value).toBe('A blog');
  });

  it('puts assigned references into the input and shows Confirm & generate once there is a plan', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => ok({ data: [{ id: 1, role: 'user', text: 'hi' }] })));
    const onConfirm = vi.fn();
    render(<ChatPanel projectId="p3" canEdit hasPlan generating={false} onConfirm={onConfirm} />);
    await screen.findByText('hi');
    assignToChat.emit('@entity Product');
    await waitFor(() => expect((screen.getByTestId('chat-input') as HTMLTextAreaElement).value).toBe('@entity Product '));
    fireEvent.click(screen.getByTestId('confirm-generate'));
    expect(onConfirm).toHaveBeenCalled();
  });
});
