// Room: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface RoomDto {
  id: string;
  code: string;
  floor: number | null;



  createdAt: string;
  updatedAt: string;
}


/** POST /api/rooms. */
export const roomCreateSchema = z.strictObject({
  code: v.text({ min: 1, max: 10 }),
  floor: v.integer().min(0).max(50).nullable().optional(),


});
export type RoomCreateInput = z.output<typeof roomCreateSchema>;

/** PATCH /api/rooms/:id. Absent fields are left unchanged; null clears an optional field. */
export const roomUpdateSchema = z.strictObject({
  code: v.text({ min: 1, max: 10 }).optional(),
  floor: v.integer().min(0).max(50).nullable().optional(),


});
export type RoomUpdateInput = z.output<typeof roomUpdateSchema>;

export const roomSortFields = ['code', 'floor', 'createdAt', 'updatedAt'] as const;
export type RoomSortField = (typeof roomSortFields)[number];

export const roomListQuerySchema = listQuerySchema(roomSortFields, {
  code: v.text({ min: 1, max: 10 }).optional(),
  floor: filter.number(v.integer().min(0).max(50)),
});
export type RoomListQuery = z.output<typeof roomListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type RoomListFilter = Partial<RoomListQuery> &
  PageQuery & {
    viaDoctors?: string | undefined;

  };
