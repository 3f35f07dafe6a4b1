// DoctorProfile: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface DoctorProfileDto {
  id: string;
  bio: string | null;
  photoUrl: string | null;
  languages: unknown;
  doctorId: string;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/doctor-profiles. */
export const doctorProfileCreateSchema = z.strictObject({
  bio: v.text().nullable().optional(),
  photoUrl: v.url().nullable().optional(),
  languages: v.json().nullable().optional(),
  doctorId: v.guid(),

});
export type DoctorProfileCreateInput = z.output<typeof doctorProfileCreateSchema>;

/** PATCH /api/doctor-profiles/:id. Absent fields are left unchanged; null clears an optional field. */
export const doctorProfileUpdateSchema = z.strictObject({
  bio: v.text().nullable().optional(),
  photoUrl: v.url().nullable().optional(),
  languages: v.json().nullable().optional(),
  doctorId: v.guid().optional(),

});
export type DoctorProfileUpdateInput = z.output<typeof doctorProfileUpdateSchema>;

export const doctorProfileSortFields = ['photoUrl', 'createdAt', 'updatedAt'] as const;
export type DoctorProfileSortField = (typeof doctorProfileSortFields)[number];

export const doctorProfileListQuerySchema = listQuerySchema(doctorProfileSortFields, {
  photoUrl: v.url().optional(),
  doctorId: filter.reference(),
});
export type DoctorProfileListQuery = z.output<typeof doctorProfileListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type DoctorProfileListFilter = Partial<DoctorProfileListQuery> &
  PageQuery & {


  };
