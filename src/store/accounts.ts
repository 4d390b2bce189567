/** Accounts (编制 editor / 审核 reviewer / 只读 reader / admin), sessions with a CSRF token, and the audit trail. */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Db } from './corpus.js';

export type Role = 'admin' | 'editor' | 'reviewer' | 'reader';
export const ROLES: readonly Role[] = ['admin', 'editor', 'reviewer', 'reader'];

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  csrf: string;
}

const SESSION_HOURS = 12;

const scryptAsync = (password: string, salt: Buffer, len: number): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password, salt, len, (err, key) => (err ? reject(err) : resolve(key))));

/** scrypt on libuv's thread pool, never on the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified for unknown user names so they cost what known ones cost. */
let dummyHash: Promise<string> | undefined;

/** Session tokens are stored as their SHA-256: a copy of the table opens no session. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A user name that is already taken (409 in the API). */
export class DuplicateUserError extends Error {
  constructor(readonly username: string) {
    super(`user name ${username} is already taken`);
    this.name = 'DuplicateUserError';
  }
}

export async function createUser(db: Db, username: string, password: string, role: Role): Promise<number> {
  if (!/^[\w.\-@\u4e00-\u9fa5]{2,64}$/.test(username)) throw new Error('username: 2–64 letters, digits, Chinese characters or . _ - @');
  if (password.length < 8) throw new Error('password: at least 8 characters');
  if (password.length > 1024) throw new Error('password: at most 1024 characters');
  if (!ROLES.includes(role)) throw new Error(`role: one of ${ROLES.join(', ')}`);
  const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new DuplicateUserError(username);
  try {
    const r = await db.insertInto('users').values({ username, password_hash: await hashPassword(password), role, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  } catch (e) {
    const x = e as { code?: string; message?: string };
    if (x.code === '23505' || /UNIQUE constraint failed|duplicate key/i.test(x.message ?? '')) throw new DuplicateUserError(username);
    throw e;
  }
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function login(db: Db, username: string, password: string): Promise<{ token: string; user: SessionUser } | undefined> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // an unknown name costs one scrypt as a known one does: the answer time says nothing about who exists
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verifyPassword(password.slice(0, 1024), u?.password_hash ?? (await dummyHash));
  if (!u || !ok) return undefined;
  const token = randomBytes(32).toString('hex');
  const csrf = randomBytes(24).toString('hex');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await db.insertInto('sessions').values({ token: tokenDigest(token), user_id: u.id, csrf, expires_at: expires }).execute();
  return { token, user: { id: u.id, username: u.username, role: u.role as Role, csrf } };
}

export async function sessionUser(db: Db, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token || token.length > 256) return undefined;
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.role', 'sessions.csrf', 'sessions.expires_at'])
    .where('sessions.token', '=', tokenDigest(token))
    .executeTakeFirst();
  if (!r || r.expires_at < new Date().toISOString()) return undefined;
  return { id: r.id, username: r.username, role: r.role as Role, csrf: r.csrf };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token', '=', tokenDigest(token)).execute();
}

export async function audit(db: Db, entry: { username: string; action: string; documentId?: number; detail?: string }): Promise<void> {
  await db.insertInto('audit').values({ at: new Date().toISOString(), username: entry.username, action: entry.action, document_id: entry.documentId ?? null, detail: entry.detail ?? null }).execute();
}

export async function auditTrail(db: Db, limit = 200) {
  return db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** What each role may do. */
export function can(role: Role, action: 'upload' | 'delete' | 'compose' | 'read' | 'recheck' | 'manage-users'): boolean {
  switch (action) {
    case 'read': return true;
    case 'upload': case 'compose': return role === 'editor' || role === 'reviewer' || role === 'admin';
    case 'delete': case 'recheck': return role === 'reviewer' || role === 'admin';
    case 'manage-users': return role === 'admin';
  }
}
