/** Sign in and out, the current user with its CSRF token, accounts and the audit trail (multi-user mode). */
import type { FastifyInstance } from 'fastify';
import { audit, auditTrail, createUser, DuplicateUserError, login, logout, ROLES, type Role } from '../store/accounts.js';
import { ApiError, errorSchema } from './errors.js';
import { requireUser, SESSION_COOKIE, type RouteContext } from './app.js';

export async function authRoutes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  api.post('/login', {
    schema: {
      summary: 'Sign in (multi-user mode)', tags: ['auth'],
      body: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } },
      response: { 401: errorSchema, 429: errorSchema },
    },
  }, async (req, reply) => {
    if (ctx.mode === 'single') return { mode: 'single', user: req.user };
    const { username, password } = req.body as { username: string; password: string };
    // back-off per user name and per address after repeated failures (429 with Retry-After)
    const keys = [`user:${username.slice(0, 128)}`, `ip:${req.ip}`];
    const wait = ctx.logins.waitMs(keys);
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new ApiError(429, 'too-many-attempts', `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
    }
    const s = await login(ctx.db, username, password);
    if (!s) {
      ctx.logins.failed(keys);
      await audit(ctx.db, { username: username.slice(0, 128), action: 'login-failed', detail: `from ${req.ip}` });
      req.log.warn({ username: username.slice(0, 128), ip: req.ip }, 'failed sign-in');
      throw new ApiError(401, 'bad-credentials', 'wrong username or password');
    }
    ctx.logins.succeeded(keys[0]!);
    await audit(ctx.db, { username, action: 'login' });
    reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'strict', maxAge: 12 * 3600 });
    return { mode: 'multi', user: { username: s.user.username, role: s.user.role }, csrf: s.user.csrf };
  });

  api.post('/logout', { schema: { summary: 'Sign out', tags: ['auth'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  api.get('/me', { schema: { summary: 'The current user, its role and CSRF token', tags: ['auth'] } }, async (req) => {
    if (!req.user) return { mode: ctx.mode, user: null };
    return { mode: ctx.mode, user: { username: req.user.username, role: req.user.role }, csrf: req.user.csrf };
  });

  api.post('/users', {
    schema: {
      summary: 'Create an account (admin)', tags: ['auth'],
      body: { type: 'object', required: ['username', 'password', 'role'], properties: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', enum: [...ROLES] } } },
    },
  }, async (req, reply) => {
    const admin = requireUser(req, 'manage-users');
    const b = req.body as { username: string; password: string; role: Role };
    try {
      const id = await createUser(ctx.db, b.username, b.password, b.role);
      await audit(ctx.db, { username: admin.username, action: 'create-user', detail: `${b.username} (${b.role})` });
      return reply.status(201).send({ id, username: b.username, role: b.role });
    } catch (e) {
      if (e instanceof DuplicateUserError) throw new ApiError(409, 'conflict', e.message, 'choose another user name');
      throw new ApiError(400, 'bad-request', e instanceof Error ? e.message : String(e));
    }
  });

  api.get('/audit', { schema: { summary: 'Audit trail: who uploaded or changed what (admin, reviewer)', tags: ['auth'] } }, async (req) => {
    requireUser(req, 'recheck');
    return { entries: await auditTrail(ctx.db) };
  });
}
