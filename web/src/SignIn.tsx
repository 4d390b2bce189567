/** Sign-in form of multi-user mode: every API route needs a session there, reads included. */
import { useState, type FormEvent } from 'react';

export function SignIn({ onDone }: { onDone: (csrf: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const r = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }), credentials: 'same-origin' });
      const body = (await r.json().catch(() => null)) as { csrf?: string; error?: { message: string } } | null;
      if (!r.ok) setError(body?.error?.message ?? `HTTP ${r.status}`);
      else onDone(body?.csrf ?? '');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="sign-in" data-testid="sign-in" onSubmit={submit}>
      <h2>登录 · Sign in</h2>
      <label>用户名 · user name <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required /></label>
      <label>密码 · password <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
      <button type="submit" disabled={busy}>登录 · Sign in</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
