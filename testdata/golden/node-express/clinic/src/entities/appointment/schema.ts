// Appointment: request schemas, DTO and list options.
import { z } from 'zod';
import { type PageQuery, filter, listQuerySchema } from '../../http/list-query.js';
import { v } from '../../http/validation.js';

export interface AppointmentDto {
  id: string;
  startsAt: string;
  durationMinutes: number;
  reason: string | null;
  status: "requested" | "confirmed" | "completed" | "cancelled";
  externalRef: string | null;
  doctorId: string;
  patientId: string;
  roomId: string | null;


  createdAt: string;
  updatedAt: string;
}


/** POST /api/appointments. The patient is the caller, never taken from the body. */
export const appointmentCreateSchema = z.strictObject({
  startsAt: v.datetime(),
  durationMinutes: v.integer().min(10).max(240).default(30),
  reason: v.text({ max: 500 }).nullable().optional(),
  status: z.enum(["requested", "confirmed", "completed", "cancelled"]).default("requested"),
  externalRef: v.guid().nullable().optional(),
  doctorId: v.guid(),
  roomId: v.guid().nullable().optional(),

});
export type AppointmentCreateInput = z.output<typeof appointmentCreateSchema>;

/** PATCH /api/appointments/:id. Absent fields are left unchanged; null clears an optional field. */
export const appointmentUpdateSchema = z.strictObject({
  startsAt: v.datetime().optional(),
  durationMinutes: v.integer().min(10).max(240).optional(),
  reason: v.text({ max: 500 }).nullable().optional(),
  status: z.enum(["requested", "confirmed", "completed", "cancelled"]).optional(),
  externalRef: v.guid().nullable().optional(),
  doctorId: v.guid().optional(),
  roomId: v.guid().nullable().optional(),

});
export type AppointmentUpdateInput = z.output<typeof appointmentUpdateSchema>;

export const appointmentSortFields = ['startsAt', 'durationMinutes', 'reason', 'status', 'externalRef', 'createdAt', 'updatedAt'] as const;
export type AppointmentSortField = (typeof appointmentSortFields)[number];

export const appointmentListQuerySchema = listQuerySchema(appointmentSortFields, {
  startsAt: v.datetime().optional(),
  durationMinutes: filter.number(v.integer().min(10).max(240)),
  reason: v.text({ max: 500 }).optional(),
  status: z.enum(["requested", "confirmed", "completed", "cancelled"]).optional(),
  externalRef: v.guid().optional(),
  doctorId: filter.reference(),
  patientId: filter.reference(),
  roomId: filter.reference(),
});
export type AppointmentListQuery = z.output<typeof appointmentListQuerySchema>;

/** List filters, including the ones only nested routes and access scopes set. */
export type AppointmentListFilter = Partial<AppointmentListQuery> &
  PageQuery & {

    ownedBy?: string | undefined;
  };
