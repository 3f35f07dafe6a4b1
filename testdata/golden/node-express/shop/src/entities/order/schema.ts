// Order: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface OrderDto {
  id: string;
  status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
  total: number;
  placedAt: string;
  shippingAddress: string;
  customerId: string;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/orders. The customer is the caller, never taken from the body. */
export const orderCreateSchema = z.strictObject({
  status: z.enum(["pending", "paid", "shipped", "delivered", "cancelled"]).default("pending"),
  total: v.number().min(0),
  placedAt: v.datetime(),
  shippingAddress: v.text({ min: 1, max: 300 }),


});
export type OrderCreateInput = z.output<typeof orderCreateSchema>;

/** PATCH /api/orders/:id. Absent fields are left unchanged; null clears an optional field. */
export const orderUpdateSchema = z.strictObject({
  status: z.enum(["pending", "paid", "shipped", "delivered", "cancelled"]).optional(),
  total: v.number().min(0).optional(),
  placedAt: v.datetime().optional(),
  shippingAddress: v.text({ min: 1, max: 300 }).optional(),


});
export type OrderUpdateInput = z.output<typeof orderUpdateSchema>;

export const orderSortFields = ['status', 'total', 'placedAt', 'shippingAddress', 'createdAt', 'updatedAt'] as const;
export type OrderSortField = (typeof orderSortFields)[number];

export const orderListQuerySchema = listQuerySchema(orderSortFields, {
  status: z.enum(["pending", "paid", "shipped", "delivered", "cancelled"]).optional(),
  total: filter.number(v.number().min(0)),
  placedAt: v.datetime().optional(),
  shippingAddress: v.text({ min: 1, max: 300 }).optional(),
  customerId: filter.reference(),
});
export type OrderListQuery = z.output<typeof orderListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type OrderListFilter = Partial<OrderListQuery> &
  PageQuery & {

    ownedBy?: string | undefined;
  };
