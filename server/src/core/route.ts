// Declares routes: who may call them, what they accept, what they answer, what
// they do. Modules describe their routes with these types; http/mount.ts mounts them on Koa.
import type { Context } from 'koa';
import type { ZodType } from 'zod';
import type { Role } from '@kepu/shared';
import type { AuthUser } from './actor';
import { unauthenticated } from './errors';

/** 'public': anyone; 'user': any signed-in user; a role list: a user holding one of them. */
export type Access = 'public' | 'user' | readonly Role[];

export interface Request<B, Q> {
  ctx: Context;
  user: AuthUser | null;
  body: B;
  query: Q;
  params: Record<string, string>;
}

export interface Reply {
  status: number;
  body: unknown;
}
export const reply = (status: number, body: unknown): Reply => ({ status, body });

/** Content types of the files a route writes itself instead of a JSON body. */
export const fileTypes = {
  calendar: 'text/calendar',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  /** Event covers (stored as JPEG) and campaign artwork (PNG), served at /images/:key. */
  jpeg: 'image/jpeg',
  png: 'image/png',
  /** Plain text: Prometheus's exposition format at /metrics. */
  text: 'text/plain',
} as const;
export type FileType = (typeof fileTypes)[keyof typeof fileTypes];

/** 200 for an answer, 201 for a creation. */
export type SuccessStatus = 200 | 201;

export interface RouteDef<B = unknown, Q = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
  summary: string;
  tag: string;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  /**
   * The 2xx JSON body (a shared view). OpenAPI documents it; mountRoutes can
   * check every answer against it. A route answering JSON must declare it.
   */
  response?: ZodType;
  /** The statuses of the JSON answer: [201] when it always creates, [200, 201] when a repeat returns the existing one. Default [200]. */
  statuses?: readonly SuccessStatus[];
  /** Files the route writes itself (ctx.body) instead of, or besides (chosen by `format=`), a JSON body. */
  files?: readonly FileType[];
  /** Returns the JSON body (200), a Reply, or undefined when it wrote ctx itself (files). */
  handle: (request: Request<B, Q>) => Promise<unknown>;
  /**
   * A public GET without path parameters whose signed-out answers are cached as bytes: sends the
   * cached answer for this query on ctx and returns true, or returns false (nothing sent) when it
   * has none ready. Tried for signed-out requests before the session, rate-limit and routing
   * layers (http/mount.ts cachedPublicAnswers); on false or an error the request goes on to `handle`.
   */
  answerFromCache?: (request: { ctx: Context; query: Q }) => Promise<boolean>;
}

/** Keeps each route's body and query types tied to its schemas. */
export function route<B = undefined, Q = undefined>(def: RouteDef<B, Q>): RouteDef {
  return def as unknown as RouteDef;
}

export function requireUser(user: AuthUser | null): AuthUser {
  if (!user) throw unauthenticated();
  return user;
}
