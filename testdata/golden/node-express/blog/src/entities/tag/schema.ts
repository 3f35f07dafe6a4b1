// Tag: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface TagDto {
  id: string;
  name: string;



  createdAt: string;
  updatedAt: string;
}


/** POST /api/tags. */
export const tagCreateSchema = z.strictObject({
  name: v.text({ min: 1, max: 50 }),


});
export type TagCreateInput = z.output<typeof tagCreateSchema>;

/** PATCH /api/tags/:id. Absent fields are left unchanged; null clears an optional field. */
export const tagUpdateSchema = z.strictObject({
  name: v.text({ min: 1, max: 50 }).optional(),


});
export type TagUpdateInput = z.output<typeof tagUpdateSchema>;

export const tagSortFields = ['name', 'createdAt', 'updatedAt'] as const;
export type TagSortField = (typeof tagSortFields)[number];

export const tagListQuerySchema = listQuerySchema(tagSortFields, {
  name: v.text({ min: 1, max: 50 }).optional(),
});
export type TagListQuery = z.output<typeof tagListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type TagListFilter = Partial<TagListQuery> &
  PageQuery & {
    viaPosts?: string | undefined;

  };
