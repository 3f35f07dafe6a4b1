import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthPage } from './AuthPage';

afterEach(() => vi.unstubAllGlobals());

describe('AuthPage', () => {
  it('shows sign-up fields and the server message when registration is refused', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(
      new Response(JSON.stringify({ status: 409, title: 'Conflict', detail: 'an account with this email already exists', code: 'auth.email_taken' }), { status: 409 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<AuthPage mode="signup" onSwitch={() => undefined} />);
    fireEvent.change(screen.getByTestId('auth-name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByTestId('auth-email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByTestId('auth-password'), { target: { value: 'long enough pw' } });
    fireEvent.click(screen.getByTestId('auth-submit'));
    expect((await screen.findByTestId('auth-error')).textContent).toContain('already exists');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/auth/register');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'long enough pw' });
  });

  it('toggles between sign in and sign up', () => {
    const onSwitch = vi.fn();
    render(<AuthPage mode="signin" onSwitch={onSwitch} />);
    expect(screen.queryByTestId('auth-name')).toBeNull();
    fireEvent.click(screen.getByTestId('auth-switch'));
    expect(onSwitch).toHaveBeenCalledWith('signup');
  });
});
