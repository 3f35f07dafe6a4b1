// User: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface UserDto {
  id: string;
  name: string;
  email: string;
  bio: string | null;


  role: string;
  createdAt: string;
  updatedAt: string;
}

/** Profile fields, as registration takes them (POST /auth/register). */
export const userFields = {
  name: v.text({ min: 1, max: 100 }),
  email: v.email(),
  bio: v.text().nullable().optional(),
};


/** PATCH /api/users/:id. Absent fields are left unchanged; null clears an optional field. */
export const userUpdateSchema = z.strictObject({
  name: v.text({ min: 1, max: 100 }).optional(),
  bio: v.text().nullable().optional(),


});
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const userSortFields = ['name', 'email', 'createdAt', 'updatedAt'] as const;
export type UserSortField = (typeof userSortFields)[number];

export const userListQuerySchema = listQuerySchema(userSortFields, {
  name: v.text({ min: 1, max: 100 }).optional(),
  email: v.email().optional(),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type UserListFilter = Partial<UserListQuery> &
  PageQuery & {

    ownedBy?: string | undefined;
  };
