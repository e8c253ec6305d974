import type { Role } from '@pbgdpl/contract';
import { ApiError, api, useCsrfToken } from './api.js';

/** Who is signed in, as GET /api/v1/admin/session answers. */
export interface StaffSession {
  user: { id: string; username: string; name: string; role: Role; totp: boolean };
  csrfToken: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
}

let current: StaffSession | null = null;
const listeners = new Set<(s: StaffSession | null) => void>();

export const session = () => current;

export function setSession(next: StaffSession | null) {
  current = next;
  useCsrfToken(next?.csrfToken ?? null);
  for (const listener of listeners) listener(next);
}

export function onSessionChange(listener: (s: StaffSession | null) => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session the cookie holds, or null when there is none (or it expired). */
export async function loadSession(): Promise<StaffSession | null> {
  try {
    const s = await api<StaffSession>('GET', '/api/v1/admin/session');
    setSession(s);
    return s;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setSession(null);
      return null;
    }
    throw error;
  }
}

export async function signOut() {
  try {
    await api('DELETE', '/api/v1/admin/session');
  } finally {
    setSession(null);
  }
}

const RANK: Record<Role, number> = { editor: 1, admin: 2 };
export const hasRole = (min: Role) => current !== null && RANK[current.user.role] >= RANK[min];
