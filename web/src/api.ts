/** The REST API client: the UI talks to /api only. Errors are shown in Chinese (see messages.ts). */
import { zhApiError } from './messages';

export interface ApiErrorBody { error: { code: string; message: string; hint?: string } }

let csrf = '';
export function setCsrf(token: string): void { csrf = token; }
export function csrfToken(): string { return csrf; }

/** An API error: `message` is the Chinese text shown to the user, `detail` the server's own words. */
export class ApiFailure extends Error {
  constructor(message: string, readonly status: number, readonly code: string, readonly detail: string, readonly retryAfter?: number) { super(message); }
}

export function failureOf(status: number, body: ApiErrorBody | null, retryAfter?: string | null): ApiFailure {
  const code = body?.error?.code ?? `http-${status}`;
  const detail = body?.error ? `${body.error.message}${body.error.hint ? ` (${body.error.hint})` : ''}` : `HTTP ${status}`;
  const ra = retryAfter ? Number(retryAfter) : undefined;
  return new ApiFailure(zhApiError(status, code, body?.error?.message ?? ''), status, code, detail, Number.isFinite(ra) ? ra : undefined);
}

async function call<T>(method: string, path: string, body?: BodyInit, json = false): Promise<T> {
  const headers: Record<string, string> = {};
  if (json) headers['content-type'] = 'application/json';
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const r = await fetch(`/api${path}`, { method, headers, ...(body !== undefined && { body }), credentials: 'same-origin' });
  if (!r.ok) throw failureOf(r.status, (await r.json().catch(() => null)) as ApiErrorBody | null, r.headers.get('retry-after'));
  const type = r.headers.get('content-type') ?? '';
  return (type.includes('json') ? r.json() : r.blob()) as Promise<T>;
}

const cache = new Map<string, Promise<unknown>>();

export const api = {
  get: <T,>(path: string) => call<T>('GET', path),
  /** A GET whose answer does not change while the page is open (the rule catalogue, labels). */
  cached: <T,>(path: string) => { let p = cache.get(path); if (!p) { p = call<T>('GET', path); p.catch(() => cache.delete(path)); cache.set(path, p); } return p as Promise<T>; },
  upload: <T,>(file: File) => { const f = new FormData(); f.append('file', file); return call<T>('POST', '/documents', f); },
  post: <T,>(path: string, body: unknown) => call<T>('POST', path, JSON.stringify(body), true),
  postFile: (path: string, file: File) => { const f = new FormData(); f.append('file', file); return call<Blob>('POST', path, f); },
};

/**
 * Uploads one file with progress (XMLHttpRequest: fetch reports no upload progress). `onSent` fires once
 * the bytes are all sent (the server then reads and checks the document).
 */
export function uploadWithProgress<T>(file: Blob, name: string, onProgress: (fraction: number) => void, onSent: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.withCredentials = true;
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => { onProgress(1); onSent(); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(failureOf(xhr.status, body as ApiErrorBody | null, xhr.getResponseHeader('retry-after')));
    };
    xhr.onerror = () => reject(new ApiFailure('网络错误：无法连接服务器', 0, 'network', 'network error'));
    const f = new FormData();
    f.append('file', file, name);
    xhr.send(f);
  });
}

export function yuan(fen: number | undefined): string {
  if (fen === undefined) return '';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export type Unit = '元' | '万元';

/** An amount in 分 printed in `unit` with thousands separators and two decimals (12,345.67 万元 → '12,345.67'). */
export function inUnit(fen: number | undefined | null, unit: Unit): string {
  if (fen === undefined || fen === null) return '';
  const v = unit === '万元' ? fen / 1_000_000 : fen / 100;
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A 元 string of the facts contract ('1350000.00') in `unit`. */
export function yuanStringInUnit(y: string | undefined, unit: Unit): string {
  if (y === undefined) return '';
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(y);
  if (!m) return y;
  const fen = (Number(m[2]) * 100 + Number(m[3])) * (m[1] ? -1 : 1);
  return inUnit(fen, unit);
}

/** Upload time as a reviewer reads it (2026-12-05 22:31), from the store's ISO or SQL timestamp. */
export function when(ts: string | null | undefined): string {
  if (!ts) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(ts) ? `${ts.replace(' ', 'T')}Z` : ts);
  if (Number.isNaN(d.getTime())) return ts;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
