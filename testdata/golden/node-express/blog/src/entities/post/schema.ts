// Post: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface PostDto {
  id: string;
  title: string;
  body: string;
  status: "draft" | "published" | null;
  publishedAt: string | null;
  views: number | null;
  authorId: string;
  tagIds: string[];

  createdAt: string;
  updatedAt: string;
}


/** POST /api/posts. The author is the caller, never taken from the body. */
export const postCreateSchema = z.strictObject({
  title: v.text({ min: 1, max: 200 }),
  body: v.text({ min: 1 }),
  status: z.enum(["draft", "published"]).nullable().default("draft"),
  publishedAt: v.datetime().nullable().optional(),
  views: v.integer().min(0).nullable().default(0),

  tagIds: v.ids().default([]),
});
export type PostCreateInput = z.output<typeof postCreateSchema>;

/** PATCH /api/posts/:id. Absent fields are left unchanged; null clears an optional field. */
export const postUpdateSchema = z.strictObject({
  title: v.text({ min: 1, max: 200 }).optional(),
  body: v.text({ min: 1 }).optional(),
  status: z.enum(["draft", "published"]).nullable().optional(),
  publishedAt: v.datetime().nullable().optional(),
  views: v.integer().min(0).nullable().optional(),

  tagIds: v.ids().optional(),
});
export type PostUpdateInput = z.output<typeof postUpdateSchema>;

export const postSortFields = ['title', 'status', 'publishedAt', 'views', 'createdAt', 'updatedAt'] as const;
export type PostSortField = (typeof postSortFields)[number];

export const postListQuerySchema = listQuerySchema(postSortFields, {
  title: v.text({ min: 1, max: 200 }).optional(),
  status: z.enum(["draft", "published"]).optional(),
  publishedAt: v.datetime().optional(),
  views: filter.number(v.integer().min(0)),
  authorId: filter.reference(),
});
export type PostListQuery = z.output<typeof postListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type PostListFilter = Partial<PostListQuery> &
  PageQuery & {
    viaTags?: string | undefined;
    ownedBy?: string | undefined;
  };
