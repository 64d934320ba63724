// What the auth, me and admin user endpoints return: the signed-in user, a
// login's session, an admin's search rows and role changes.
import { z } from 'zod';
import { viewerAudiences } from '../states';

export const roles = ['resident', 'volunteer', 'organizer', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** `city`: the organization's city, where its events take place. */
const membershipOfUser = z.strictObject({ id: z.string(), name: z.string(), city: z.string(), role: z.string() });

/** `GET /me`, `PATCH /me`, and `user` of a login. */
export const userViewSchema = z
  .strictObject({
    id: z.string(),
    nickname: z.string(),
    roles: z.array(z.enum(roles)),
    organizations: z.array(membershipOfUser),
    phone: z.string().nullable(),
    /** The user's 大字模式 preference. */
    largeText: z.boolean(),
    /** Who is looking (老年人, 家长, 学生, 其他), or null when not said. */
    audience: z.enum(viewerAudiences).nullable(),
  })
  .meta({ id: 'UserView' });
export type UserView = z.infer<typeof userViewSchema>;

/** `POST /auth/wx-login`, `POST /auth/dev-login`. */
export const loginResultSchema = z.strictObject({ token: z.string(), user: userViewSchema }).meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof loginResultSchema>;

/** `DELETE /me`. */
export const erasedViewSchema = z.strictObject({ erased: z.literal(true) });
export type ErasedView = z.infer<typeof erasedViewSchema>;

/** `GET /users` items: what an admin needs to find an account; never phones. */
export const userSummarySchema = z
  .strictObject({
    id: z.string(),
    nickname: z.string(),
    roles: z.array(z.enum(roles)),
    organizations: z.array(membershipOfUser),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummarySchema>;

/** `PATCH /users/:id/roles`. */
export const userRolesViewSchema = z.strictObject({ id: z.string(), nickname: z.string(), roles: z.array(z.enum(roles)) });
export type UserRolesView = z.infer<typeof userRolesViewSchema>;

/** `POST /users/:id/login-codes`: shown once to the admin, who passes it on; only its hash is stored. */
export const loginCodeViewSchema = z
  .strictObject({
    code: z.string(),
    userId: z.string(),
    nickname: z.string(),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'LoginCodeView' });
export type LoginCodeView = z.infer<typeof loginCodeViewSchema>;

/** `GET /auth/options`: which ways to sign in this server offers, so the H5 login page shows the right one. */
export const authOptionsViewSchema = z
  .strictObject({
    /** AUTH_MODE=dev: the demo-account picker (and nothing else). */
    devLogin: z.boolean(),
    /** A one-time code an admin issued (`POST /auth/code-login`). */
    loginCode: z.boolean(),
  })
  .meta({ id: 'AuthOptionsView' });
export type AuthOptionsView = z.infer<typeof authOptionsViewSchema>;
