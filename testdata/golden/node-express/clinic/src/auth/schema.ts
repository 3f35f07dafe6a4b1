// Auth request bodies. Registration takes the user's profile fields; never a role.
import { z } from 'zod';
import { userFields } from '../entities/user/schema.js';
import type { UserDto } from '../entities/user/schema.js';
import { v } from '../http/validation.js';

export const registerSchema = z.strictObject({
  ...userFields,
  password: z.string().min(8).max(128),
});
export type RegisterInput = z.output<typeof registerSchema>;

export const loginSchema = z.strictObject({

  email: v.email(),

  password: z.string().min(1).max(128),
});

export const refreshSchema = z.strictObject({
  refreshToken: v.text().min(1).max(512),
});

export interface AuthTokens {
  tokenType: 'Bearer';
  accessToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
  refreshToken: string;
  user: UserDto;
}
