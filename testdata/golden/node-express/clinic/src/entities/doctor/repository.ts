// Doctor persistence: the only place that touches the doctors table and its join tables.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { DoctorTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { DoctorDto, DoctorListFilter, DoctorSortField } from './schema.js';

const SORT_COLUMNS: Record<DoctorSortField, keyof DoctorTable> = {
  name: 'name',
  specialty: 'specialty',
  licenseNumber: 'license_number',
  rating: 'rating',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: DoctorSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];

/** Many-to-many ids held by a doctor. */
export interface DoctorLinks {
  roomIds: string[];
}

function emptyLinks(): DoctorLinks {
  return { roomIds: [] };
}

export function toDoctorDto(row: Selectable<DoctorTable>, links: DoctorLinks): DoctorDto {
  return {
    id: row.id,
    name: row.name,
    specialty: row.specialty as "general" | "cardiology" | "dermatology" | "pediatrics",
    licenseNumber: row.license_number,
    rating: row.rating,

    roomIds: links.roomIds,

    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewDoctor {
  name: string;
  specialty: "general" | "cardiology" | "dermatology" | "pediatrics";
  licenseNumber: string;
  rating: number | null;


}

/** Changed columns of an update (absent: unchanged). */
export interface DoctorChanges {
  name?: string | undefined;
  specialty?: "general" | "cardiology" | "dermatology" | "pediatrics" | undefined;
  licenseNumber?: string | undefined;
  rating?: number | null | undefined;

}

export class DoctorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<DoctorDto | undefined> {
    const row = await this.db.selectFrom('doctors').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const links = await this.linksFor([row.id]);
    return toDoctorDto(row, links.get(row.id) ?? emptyLinks());

  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('doctors').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: DoctorListFilter): Promise<Page<DoctorDto>> {
    let q = this.db.selectFrom('doctors');
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.specialty !== undefined) q = q.where('specialty', '=', query.specialty);
    if (query.licenseNumber !== undefined) q = q.where('license_number', '=', query.licenseNumber);
    if (query.rating !== undefined) q = q.where('rating', '=', query.rating);
    if (query.viaRooms !== undefined) {
      const other = query.viaRooms;
      q = q.where('id', 'in', (eb) => eb.selectFrom('doctor_rooms').select('doctor_id').where('room_id', '=', other));
    }


    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();
    const links = await this.linksFor(data.map((r) => r.id));
    const items = data.map((r) => toDoctorDto(r, links.get(r.id) ?? emptyLinks()));

    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewDoctor, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('doctors')
      .values({
        id,
        name: input.name,
        specialty: input.specialty,
        license_number: input.licenseNumber,
        rating: input.rating,


        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: DoctorChanges): Promise<void> {
    await this.db
      .updateTable('doctors')
      .set({
        id,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.specialty !== undefined ? { specialty: changes.specialty } : {}),
        ...(changes.licenseNumber !== undefined ? { license_number: changes.licenseNumber } : {}),
        ...(changes.rating !== undefined ? { rating: changes.rating } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('doctors').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Replaces the doctor's rooms. */
  async setRoomIds(id: string, ids: readonly string[]): Promise<void> {
    await this.db.deleteFrom('doctor_rooms').where('doctor_id', '=', id).execute();
    if (ids.length > 0) {
      await this.db
        .insertInto('doctor_rooms')
        .values([...new Set(ids)].map((other) => ({ doctor_id: id, room_id: other })))
        .execute();
    }
  }

  /** Many-to-many ids of many records in one query per relation. */
  private async linksFor(ids: readonly string[]): Promise<Map<string, DoctorLinks>> {
    const out = new Map<string, DoctorLinks>();
    for (const id of ids) out.set(id, emptyLinks());
    if (ids.length === 0) return out;
    const roomsRows = await this.db
      .selectFrom('doctor_rooms')
      .select(['doctor_id as owner', 'room_id as other'])
      .where('doctor_id', 'in', ids)
      .orderBy('room_id')
      .execute();
    for (const row of roomsRows) out.get(row.owner)?.roomIds.push(row.other);
    return out;
  }

}
