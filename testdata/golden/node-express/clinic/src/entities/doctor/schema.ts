// Doctor: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface DoctorDto {
  id: string;
  name: string;
  specialty: "general" | "cardiology" | "dermatology" | "pediatrics";
  licenseNumber: string;
  rating: number | null;

  roomIds: string[];

  createdAt: string;
  updatedAt: string;
}


/** POST /api/doctors. */
export const doctorCreateSchema = z.strictObject({
  name: v.text({ min: 1, max: 100 }),
  specialty: z.enum(["general", "cardiology", "dermatology", "pediatrics"]),
  licenseNumber: v.text({ min: 1, max: 30 }),
  rating: v.number().min(0).max(5).nullable().optional(),

  roomIds: v.ids().default([]),
});
export type DoctorCreateInput = z.output<typeof doctorCreateSchema>;

/** PATCH /api/doctors/:id. Absent fields are left unchanged; null clears an optional field. */
export const doctorUpdateSchema = z.strictObject({
  name: v.text({ min: 1, max: 100 }).optional(),
  specialty: z.enum(["general", "cardiology", "dermatology", "pediatrics"]).optional(),
  licenseNumber: v.text({ min: 1, max: 30 }).optional(),
  rating: v.number().min(0).max(5).nullable().optional(),

  roomIds: v.ids().optional(),
});
export type DoctorUpdateInput = z.output<typeof doctorUpdateSchema>;

export const doctorSortFields = ['name', 'specialty', 'licenseNumber', 'rating', 'createdAt', 'updatedAt'] as const;
export type DoctorSortField = (typeof doctorSortFields)[number];

export const doctorListQuerySchema = listQuerySchema(doctorSortFields, {
  name: v.text({ min: 1, max: 100 }).optional(),
  specialty: z.enum(["general", "cardiology", "dermatology", "pediatrics"]).optional(),
  licenseNumber: v.text({ min: 1, max: 30 }).optional(),
  rating: filter.number(v.number().min(0).max(5)),
});
export type DoctorListQuery = z.output<typeof doctorListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type DoctorListFilter = Partial<DoctorListQuery> &
  PageQuery & {
    viaRooms?: string | undefined;

  };
