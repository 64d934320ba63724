// What the auth, me and admin user endpoints return: the signed-in user, a
// login's session, an admin's search rows and role changes.
import { z } from 'zod';

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
