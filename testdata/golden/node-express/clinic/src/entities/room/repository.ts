// Room persistence: the only place that touches the rooms table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { RoomTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { RoomDto, RoomListFilter, RoomSortField } from './schema.js';

const SORT_COLUMNS: Record<RoomSortField, keyof RoomTable> = {
  code: 'code',
  floor: 'floor',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: RoomSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toRoomDto(row: Selectable<RoomTable>): RoomDto {
  return {
    id: row.id,
    code: row.code,
    floor: row.floor,



    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewRoom {
  code: string;
  floor: number | null;


}

/** Changed columns of an update (absent: unchanged). */
export interface RoomChanges {
  code?: string | undefined;
  floor?: number | null | undefined;

}

export class RoomRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<RoomDto | undefined> {
    const row = await this.db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toRoomDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('rooms').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: RoomListFilter): Promise<Page<RoomDto>> {
    let q = this.db.selectFrom('rooms');
    if (query.code !== undefined) q = q.where('code', '=', query.code);
    if (query.floor !== undefined) q = q.where('floor', '=', query.floor);
    if (query.viaDoctors !== undefined) {
      const other = query.viaDoctors;
      q = q.where('id', 'in', (eb) => eb.selectFrom('doctor_rooms').select('room_id').where('doctor_id', '=', other));
    }


    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toRoomDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewRoom, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('rooms')
      .values({
        id,
        code: input.code,
        floor: input.floor,


        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: RoomChanges): Promise<void> {
    await this.db
      .updateTable('rooms')
      .set({
        id,
        ...(changes.code !== undefined ? { code: changes.code } : {}),
        ...(changes.floor !== undefined ? { floor: changes.floor } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('rooms').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
