// Product: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface ProductDto {
  id: string;
  name: string;
  sku: string;
  description: string | null;
  price: number;
  stock: number;
  imageUrl: string | null;
  active: boolean | null;
  categoryId: string | null;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/products. */
export const productCreateSchema = z.strictObject({
  name: v.text({ min: 1, max: 160 }),
  sku: v.text({ min: 1, max: 40 }),
  description: v.text().nullable().optional(),
  price: v.number().min(0),
  stock: v.integer().min(0).default(0),
  imageUrl: v.url().nullable().optional(),
  active: z.boolean().nullable().default(true),
  categoryId: v.guid().nullable().optional(),

});
export type ProductCreateInput = z.output<typeof productCreateSchema>;

/** PATCH /api/products/:id. Absent fields are left unchanged; null clears an optional field. */
export const productUpdateSchema = z.strictObject({
  name: v.text({ min: 1, max: 160 }).optional(),
  sku: v.text({ min: 1, max: 40 }).optional(),
  description: v.text().nullable().optional(),
  price: v.number().min(0).optional(),
  stock: v.integer().min(0).optional(),
  imageUrl: v.url().nullable().optional(),
  active: z.boolean().nullable().optional(),
  categoryId: v.guid().nullable().optional(),

});
export type ProductUpdateInput = z.output<typeof productUpdateSchema>;

export const productSortFields = ['name', 'sku', 'price', 'stock', 'imageUrl', 'createdAt', 'updatedAt'] as const;
export type ProductSortField = (typeof productSortFields)[number];

export const productListQuerySchema = listQuerySchema(productSortFields, {
  name: v.text({ min: 1, max: 160 }).optional(),
  sku: v.text({ min: 1, max: 40 }).optional(),
  price: filter.number(v.number().min(0)),
  stock: filter.number(v.integer().min(0)),
  imageUrl: v.url().optional(),
  active: filter.boolean(),
  categoryId: filter.reference(),
});
export type ProductListQuery = z.output<typeof productListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type ProductListFilter = Partial<ProductListQuery> &
  PageQuery & {


  };
