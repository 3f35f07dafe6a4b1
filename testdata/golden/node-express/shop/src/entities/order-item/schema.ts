// OrderItem: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface OrderItemDto {
  id: string;
  quantity: number;
  unitPrice: number;
  orderId: string;
  productId: string;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/order-items. */
export const orderItemCreateSchema = z.strictObject({
  quantity: v.integer().min(1).max(1000),
  unitPrice: v.number().min(0),
  orderId: v.guid(),
  productId: v.guid(),

});
export type OrderItemCreateInput = z.output<typeof orderItemCreateSchema>;

/** PATCH /api/order-items/:id. Absent fields are left unchanged; null clears an optional field. */
export const orderItemUpdateSchema = z.strictObject({
  quantity: v.integer().min(1).max(1000).optional(),
  unitPrice: v.number().min(0).optional(),
  orderId: v.guid().optional(),
  productId: v.guid().optional(),

});
export type OrderItemUpdateInput = z.output<typeof orderItemUpdateSchema>;

export const orderItemSortFields = ['quantity', 'unitPrice', 'createdAt', 'updatedAt'] as const;
export type OrderItemSortField = (typeof orderItemSortFields)[number];

export const orderItemListQuerySchema = listQuerySchema(orderItemSortFields, {
  quantity: filter.number(v.integer().min(1).max(1000)),
  unitPrice: filter.number(v.number().min(0)),
  orderId: filter.reference(),
  productId: filter.reference(),
});
export type OrderItemListQuery = z.output<typeof orderItemListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type OrderItemListFilter = Partial<OrderItemListQuery> &
  PageQuery & {


  };
