import { api } from '@/lib/api-client';
import type { ChatExchange, ChatMessage, PostMessageBody } from '@/lib/api-types';

const base = (pid: string) => `/api/projects/${encodeURIComponent(pid)}/messages`;

export const listMessages = (pid: string) => api.get<{ data: ChatMessage[] }>(base(pid), { query: { limit: 500 } }).then((r) => r.data);
export const searchMessages = (pid: string, q: string) => api.get<{ data: ChatMessage[] }>(base(pid), { query: { q, limit: 50 } }).then((r) => r.data);
export const postMessage = (pid: string, body: PostMessageBody) => api.post<ChatExchange>(base(pid), body);

/** Adds messages to a list by id, keeping it sorted (events and responses both deliver them). */
export function mergeMessages(list: ChatMessage[] | undefined, add: ChatMessage[]): ChatMessage[] {
  const byId = new Map<number, ChatMessage>();
  for (const m of list ?? []) byId.set(m.id, m);
  for (const m of add) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
