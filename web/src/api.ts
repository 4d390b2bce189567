/** The REST API client: the UI talks to /api only. */
export interface ApiErrorBody { error: { code: string; message: string; hint?: string } }

let csrf = '';
export function setCsrf(token: string): void { csrf = token; }

async function call<T>(method: string, path: string, body?: BodyInit, json = false): Promise<T> {
  const headers: Record<string, string> = {};
  if (json) headers['content-type'] = 'application/json';
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const r = await fetch(`/api${path}`, { method, headers, ...(body !== undefined && { body }), credentials: 'same-origin' });
  if (!r.ok) {
    const e = (await r.json().catch(() => null)) as ApiErrorBody | null;
    throw new Error(e?.error ? `${e.error.message}${e.error.hint ? ` (${e.error.hint})` : ''}` : `HTTP ${r.status}`);
  }
  const type = r.headers.get('content-type') ?? '';
  return (type.includes('json') ? r.json() : r.blob()) as Promise<T>;
}

export const api = {
  get: <T,>(path: string) => call<T>('GET', path),
  upload: <T,>(file: File) => { const f = new FormData(); f.append('file', file); return call<T>('POST', '/documents', f); },
  post: <T,>(path: string, body: unknown) => call<T>('POST', path, JSON.stringify(body), true),
  postFile: (path: string, file: File) => { const f = new FormData(); f.append('file', file); return call<Blob>('POST', path, f); },
};

export function yuan(fen: number | undefined): string {
  if (fen === undefined) return '';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
