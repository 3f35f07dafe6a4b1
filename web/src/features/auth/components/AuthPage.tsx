import { useState, type FormEvent } from 'react';
import { ArrowRight, Boxes, FlaskConical, GitBranch, Workflow } from 'lucide-react';
import { ApiError, errorMessage } from '@/lib/api-client';
import { sessionStarted } from '@/lib/session';
import { signIn, signUp } from '../api/auth';

export interface AuthPageProps {
  mode: 'signin' | 'signup';
  onSwitch: (mode: 'signin' | 'signup') => void;
  notice?: string | undefined;
}

export function AuthPage({ mode, onSwitch, notice }: AuthPageProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signup = mode === 'signup';

  const fieldError = (path: string) =>
    error instanceof ApiError ? error.errors.find((f) => f.path === path || f.path.endsWith(`/${path}`))?.message : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signup) await signUp(name.trim(), email.trim(), password);
      else await signIn(email.trim(), password);
      await sessionStarted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid min-h-full lg:grid-cols-2">
      <aside className="relative hidden overflow-hidden bg-zinc-950 p-12 text-zinc-100 lg:flex lg:flex-col lg:justify-between">
        <div className="absolute inset-0 bg-[radial-gradient(ellipse_at_top_left,rgba(99,102,241,0.35),transparent_60%)]" aria-hidden />
        <div className="relative flex items-center gap-2 text-lg font-semibold">
          <img src="/favicon.svg" alt="" className="size-7" /> BackendForge
        </div>
        <div className="relative max-w-md">
          <h2 className="text-3xl leading-tight font-semibold tracking-tight">Describe a backend. Get one that is proven by its own tests.</h2>
          <ul className="mt-8 space-y-4 text-sm text-zinc-300">
            <li className="flex gap-3"><Boxes className="size-5 shrink-0 text-brand-400" aria-hidden /> A typed spec and a plan with ER and architecture diagrams, edited by chat.</li>
            <li className="flex gap-3"><FlaskConical className="size-5 shrink-0 text-brand-400" aria-hidden /> Tests written first: red against stubs, then green against the implementation.</li>
            <li className="flex gap-3"><Workflow className="size-5 shrink-0 text-brand-400" aria-hidden /> Endpoints, docs, files and logs side by side while you iterate.</li>
            <li className="flex gap-3"><GitBranch className="size-5 shrink-0 text-brand-400" aria-hidden /> Export OpenAPI, Postman or the whole project.</li>
          </ul>
        </div>
        <p className="relative text-xs text-zinc-400">Runs on your machine. Generated code runs only in a sandbox.</p>
      </aside>
      <main className="flex items-center justify-center p-6">
        <form onSubmit={submit} className="w-full max-w-sm" noValidate aria-describedby={error ? 'auth-error' : undefined}>
          <div className="mb-8 flex items-center gap-2 text-lg font-semibold lg:hidden">
            <img src="/favicon.svg" alt="" className="size-7" /> BackendForge
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{signup ? 'Create your account' : 'Sign in'}</h1>
          <p className="mt-1 text-sm muted">{signup ? 'It takes ten seconds; a personal workspace comes with it.' : 'Welcome back.'}</p>
          {notice && !error && (
            <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">{notice}</p>
          )}
          {error !== null && (
            <p id="auth-error" role="alert" data-testid="auth-error" className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
              {errorMessage(error)}
            </p>
          )}
          <div className="mt-6 space-y-4">
            {signup && (
              <div>
                <label className="label" htmlFor="auth-name">Name</label>
                <input id="auth-name" data-testid="auth-name" className="input" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(fieldError('name')) || undefined} />
                {fieldError('name') && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldError('name')}</p>}
              </div>
            )}
            <div>
              <label className="label" htmlFor="auth-email">Email</label>
              <input id="auth-email" data-testid="auth-email" className="input" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={Boolean(fieldError('email')) || undefined} />
              {fieldError('email') && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldError('email')}</p>}
            </div>
            <div>
              <label className="label" htmlFor="auth-password">Password</label>
              <input id="auth-password" data-testid="auth-password" className="input" type="password" autoComplete={signup ? 'new-password' : 'current-password'} required minLength={signup ? 8 : undefined} value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(fieldError('password')) || undefined} />
              {signup && !fieldError('password') && <p className="mt-1 text-xs muted">At least 8 characters.</p>}
              {fieldError('password') && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{fieldError('password')}</p>}
            </div>
          </div>
          <button type="submit" data-testid="auth-submit" className="btn btn-primary mt-6 h-9 w-full" disabled={busy} aria-busy={busy || undefined}>
            {signup ? 'Create account' : 'Sign in'} <ArrowRight className="size-4" aria-hidden />
          </button>
          <p className="mt-6 text-center text-sm muted">
            {signup ? 'Already have an account?' : 'New to BackendForge?'}{' '}
            <button type="button" data-testid="auth-switch" className="font-medium text-brand-600 hover:underline dark:text-brand-400" onClick={() => { setError(null); onSwitch(signup ? 'signin' : 'signup'); }}>
              {signup ? 'Sign in' : 'Create an account'}
            </button>
          </p>
        </form>
      </main>
    </div>
  );
}
