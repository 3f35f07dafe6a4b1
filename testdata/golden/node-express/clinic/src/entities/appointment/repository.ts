// Appointment persistence: the only place that touches the appointments table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { AppointmentTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { AppointmentDto, AppointmentListFilter, AppointmentSortField } from './schema.js';

const SORT_COLUMNS: Record<AppointmentSortField, keyof AppointmentTable> = {
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  reason: 'reason',
  status: 'status',
  externalRef: 'external_ref',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: AppointmentSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toAppointmentDto(row: Selectable<AppointmentTable>): AppointmentDto {
  return {
    id: row.id,
    startsAt: toIso(row.starts_at),
    durationMinutes: row.duration_minutes,
    reason: row.reason,
    status: row.status as "requested" | "confirmed" | "completed" | "cancelled",
    externalRef: row.external_ref,
    doctorId: row.doctor_id,
    patientId: row.patient_id,
    roomId: row.room_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewAppointment {
  startsAt: string;
  durationMinutes: number;
  reason: string | null;
  status: "requested" | "confirmed" | "completed" | "cancelled";
  externalRef: string | null;
  doctorId: string;
  patientId: string;
  roomId: string | null;

}

/** Changed columns of an update (absent: unchanged). */
export interface AppointmentChanges {
  startsAt?: string | undefined;
  durationMinutes?: number | undefined;
  reason?: string | null | undefined;
  status?: "requested" | "confirmed" | "completed" | "cancelled" | undefined;
  externalRef?: string | null | undefined;
  doctorId?: string | undefined;
  roomId?: string | null | undefined;
}

export class AppointmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<AppointmentDto | undefined> {
    const row = await this.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toAppointmentDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('appointments').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: AppointmentListFilter): Promise<Page<AppointmentDto>> {
    let q = this.db.selectFrom('appointments');
    if (query.startsAt !== undefined) q = q.where('starts_at', '=', query.startsAt);
    if (query.durationMinutes !== undefined) q = q.where('duration_minutes', '=', query.durationMinutes);
    if (query.reason !== undefined) q = q.where('reason', '=', query.reason);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.externalRef !== undefined) q = q.where('external_ref', '=', query.externalRef);
    if (query.doctorId !== undefined) q = q.where('doctor_id', '=', query.doctorId);
    if (query.patientId !== undefined) q = q.where('patient_id', '=', query.patientId);
    if (query.roomId !== undefined) q = q.where('room_id', '=', query.roomId);

    if (query.ownedBy !== undefined) q = q.where('patient_id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toAppointmentDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewAppointment, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('appointments')
      .values({
        id,
        starts_at: input.startsAt,
        duration_minutes: input.durationMinutes,
        reason: input.reason,
        status: input.status,
        external_ref: input.externalRef,
        doctor_id: input.doctorId,
        patient_id: input.patientId,
        room_id: input.roomId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: AppointmentChanges): Promise<void> {
    await this.db
      .updateTable('appointments')
      .set({
        id,
        ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
        ...(changes.durationMinutes !== undefined ? { duration_minutes: changes.durationMinutes } : {}),
        ...(changes.reason !== undefined ? { reason: changes.reason } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.externalRef !== undefined ? { external_ref: changes.externalRef } : {}),
        ...(changes.doctorId !== undefined ? { doctor_id: changes.doctorId } : {}),
        ...(changes.roomId !== undefined ? { room_id: changes.roomId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('appointments').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
