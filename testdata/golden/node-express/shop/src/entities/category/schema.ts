// Category: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface CategoryDto {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/categories. */
export const categoryCreateSchema = z.strictObject({
  name: v.text({ min: 1, max: 80 }),
  slug: v.text({ min: 1, max: 80 }),
  parentId: v.guid().nullable().optional(),

});
export type CategoryCreateInput = z.output<typeof categoryCreateSchema>;

/** PATCH /api/categories/:id. Absent fields are left unchanged; null clears an optional field. */
export const categoryUpdateSchema = z.strictObject({
  name: v.text({ min: 1, max: 80 }).optional(),
  slug: v.text({ min: 1, max: 80 }).optional(),
  parentId: v.guid().nullable().optional(),

});
export type CategoryUpdateInput = z.output<typeof categoryUpdateSchema>;

export const categorySortFields = ['name', 'slug', 'createdAt', 'updatedAt'] as const;
export type CategorySortField = (typeof categorySortFields)[number];

export const categoryListQuerySchema = listQuerySchema(categorySortFields, {
  name: v.text({ min: 1, max: 80 }).optional(),
  slug: v.text({ min: 1, max: 80 }).optional(),
  parentId: filter.reference(),
});
export type CategoryListQuery = z.output<typeof categoryListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type CategoryListFilter = Partial<CategoryListQuery> &
  PageQuery & {


  };
