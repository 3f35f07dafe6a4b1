// Customer: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface CustomerDto {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  isVip: boolean | null;


  role: string;
  createdAt: string;
  updatedAt: string;
}

/** Profile fields, as registration takes them (POST /auth/register). */
export const customerFields = {
  fullName: v.text({ min: 1, max: 120 }),
  email: v.email(),
  phone: v.text({ max: 30 }).nullable().optional(),
  isVip: z.boolean().nullable().default(false),
};


/** PATCH /api/customers/:id. Absent fields are left unchanged; null clears an optional field. */
export const customerUpdateSchema = z.strictObject({
  fullName: v.text({ min: 1, max: 120 }).optional(),
  phone: v.text({ max: 30 }).nullable().optional(),
  isVip: z.boolean().nullable().optional(),


});
export type CustomerUpdateInput = z.output<typeof customerUpdateSchema>;

export const customerSortFields = ['fullName', 'email', 'phone', 'createdAt', 'updatedAt'] as const;
export type CustomerSortField = (typeof customerSortFields)[number];

export const customerListQuerySchema = listQuerySchema(customerSortFields, {
  fullName: v.text({ min: 1, max: 120 }).optional(),
  email: v.email().optional(),
  phone: v.text({ max: 30 }).optional(),
  isVip: filter.boolean(),
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type CustomerListFilter = Partial<CustomerListQuery> &
  PageQuery & {

    ownedBy?: string | undefined;
  };
