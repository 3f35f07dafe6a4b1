import { api } from '@/lib/api-client';
import type { AuthResponse } from '@/lib/api-types';

export function signIn(email: string, password: string): Promise<AuthResponse> {
  return api.post<AuthResponse>('/api/auth/login', { email, password }, { noRefresh: true });
}

export function signUp(name: string, email: string, password: string): Promise<AuthResponse> {
  return api.post<AuthResponse>('/api/auth/register', { name, email, password }, { noRefresh: true });
}
