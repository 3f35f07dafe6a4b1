// Comment persistence: the only place that touches the comments table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { CommentTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { CommentDto, CommentListFilter, CommentSortField } from './schema.js';

const SORT_COLUMNS: Record<CommentSortField, keyof CommentTable> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: CommentSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toCommentDto(row: Selectable<CommentTable>): CommentDto {
  return {
    id: row.id,
    body: row.body,
    authorId: row.author_id,
    postId: row.post_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewComment {
  body: string;
  authorId: string;
  postId: string;

}

/** Changed columns of an update (absent: unchanged). */
export interface CommentChanges {
  body?: string | undefined;
  postId?: string | undefined;
}

export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<CommentDto | undefined> {
    const row = await this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toCommentDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('comments').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: CommentListFilter): Promise<Page<CommentDto>> {
    let q = this.db.selectFrom('comments');
    if (query.authorId !== undefined) q = q.where('author_id', '=', query.authorId);
    if (query.postId !== undefined) q = q.where('post_id', '=', query.postId);

    if (query.ownedBy !== undefined) q = q.where('author_id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toCommentDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewComment, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('comments')
      .values({
        id,
        body: input.body,
        author_id: input.authorId,
        post_id: input.postId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: CommentChanges): Promise<void> {
    await this.db
      .updateTable('comments')
      .set({
        id,
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        ...(changes.postId !== undefined ? { post_id: changes.postId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('comments').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
