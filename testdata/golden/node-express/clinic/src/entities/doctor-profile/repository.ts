// DoctorProfile persistence: the only place that touches the doctor_profiles table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  parseJsonOrNull,
  toDbJsonOrNull,
  toIso,
} from '../../db/database.js';
import type { DoctorProfileTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { DoctorProfileDto, DoctorProfileListFilter, DoctorProfileSortField } from './schema.js';

const SORT_COLUMNS: Record<DoctorProfileSortField, keyof DoctorProfileTable> = {
  photoUrl: 'photo_url',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: DoctorProfileSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toDoctorProfileDto(row: Selectable<DoctorProfileTable>): DoctorProfileDto {
  return {
    id: row.id,
    bio: row.bio,
    photoUrl: row.photo_url,
    languages: parseJsonOrNull(row.languages),
    doctorId: row.doctor_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewDoctorProfile {
  bio: string | null;
  photoUrl: string | null;
  languages: unknown;
  doctorId: string;

}

/** Changed columns of an update (absent: unchanged). */
export interface DoctorProfileChanges {
  bio?: string | null | undefined;
  photoUrl?: string | null | undefined;
  languages?: unknown;
  doctorId?: string | undefined;
}

export class DoctorProfileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<DoctorProfileDto | undefined> {
    const row = await this.db.selectFrom('doctor_profiles').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toDoctorProfileDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('doctor_profiles').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: DoctorProfileListFilter): Promise<Page<DoctorProfileDto>> {
    let q = this.db.selectFrom('doctor_profiles');
    if (query.photoUrl !== undefined) q = q.where('photo_url', '=', query.photoUrl);
    if (query.doctorId !== undefined) q = q.where('doctor_id', '=', query.doctorId);



    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toDoctorProfileDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewDoctorProfile, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('doctor_profiles')
      .values({
        id,
        bio: input.bio,
        photo_url: input.photoUrl,
        languages: toDbJsonOrNull(input.languages),
        doctor_id: input.doctorId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: DoctorProfileChanges): Promise<void> {
    await this.db
      .updateTable('doctor_profiles')
      .set({
        id,
        ...(changes.bio !== undefined ? { bio: changes.bio } : {}),
        ...(changes.photoUrl !== undefined ? { photo_url: changes.photoUrl } : {}),
        ...(changes.languages !== undefined ? { languages: toDbJsonOrNull(changes.languages) } : {}),
        ...(changes.doctorId !== undefined ? { doctor_id: changes.doctorId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('doctor_profiles').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
