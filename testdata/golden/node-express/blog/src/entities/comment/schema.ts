// Comment: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface CommentDto {
  id: string;
  body: string;
  authorId: string;
  postId: string;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/comments. The author is the caller, never taken from the body. */
export const commentCreateSchema = z.strictObject({
  body: v.text({ min: 1, max: 2000 }),
  postId: v.guid(),

});
export type CommentCreateInput = z.output<typeof commentCreateSchema>;

/** PATCH /api/comments/:id. Absent fields are left unchanged; null clears an optional field. */
export const commentUpdateSchema = z.strictObject({
  body: v.text({ min: 1, max: 2000 }).optional(),
  postId: v.guid().optional(),

});
export type CommentUpdateInput = z.output<typeof commentUpdateSchema>;

export const commentSortFields = ['createdAt', 'updatedAt'] as const;
export type CommentSortField = (typeof commentSortFields)[number];

export const commentListQuerySchema = listQuerySchema(commentSortFields, {
  authorId: filter.reference(),
  postId: filter.reference(),
});
export type CommentListQuery = z.output<typeof commentListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type CommentListFilter = Partial<CommentListQuery> &
  PageQuery & {

    ownedBy?: string | undefined;
  };
