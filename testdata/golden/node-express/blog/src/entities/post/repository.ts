// Post persistence: the only place that touches the posts table and its join tables.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
  toIsoOrNull,
} from '../../db/database.js';
import type { PostTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { PostDto, PostListFilter, PostSortField } from './schema.js';

const SORT_COLUMNS: Record<PostSortField, keyof PostTable> = {
  title: 'title',
  status: 'status',
  publishedAt: 'published_at',
  views: 'views',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: PostSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];

/** Many-to-many ids held by a post. */
export interface PostLinks {
  tagIds: string[];
}

function emptyLinks(): PostLinks {
  return { tagIds: [] };
}

export function toPostDto(row: Selectable<PostTable>, links: PostLinks): PostDto {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status as ("draft" | "published"),
    publishedAt: toIsoOrNull(row.published_at),
    views: row.views,
    authorId: row.author_id,
    tagIds: links.tagIds,

    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewPost {
  title: string;
  body: string;
  status: "draft" | "published" | null;
  publishedAt: string | null;
  views: number | null;
  authorId: string;

}

/** Changed columns of an update (absent: unchanged). */
export interface PostChanges {
  title?: string | undefined;
  body?: string | undefined;
  status?: "draft" | "published" | null | undefined;
  publishedAt?: string | null | undefined;
  views?: number | null | undefined;

}

export class PostRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<PostDto | undefined> {
    const row = await this.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const links = await this.linksFor([row.id]);
    return toPostDto(row, links.get(row.id) ?? emptyLinks());

  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('posts').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: PostListFilter): Promise<Page<PostDto>> {
    let q = this.db.selectFrom('posts');
    if (query.title !== undefined) q = q.where('title', '=', query.title);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.publishedAt !== undefined) q = q.where('published_at', '=', query.publishedAt);
    if (query.views !== undefined) q = q.where('views', '=', query.views);
    if (query.authorId !== undefined) q = q.where('author_id', '=', query.authorId);
    if (query.viaTags !== undefined) {
      const other = query.viaTags;
      q = q.where('id', 'in', (eb) => eb.selectFrom('post_tags').select('post_id').where('tag_id', '=', other));
    }
    if (query.ownedBy !== undefined) q = q.where('author_id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();
    const links = await this.linksFor(data.map((r) => r.id));
    const items = data.map((r) => toPostDto(r, links.get(r.id) ?? emptyLinks()));

    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewPost, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('posts')
      .values({
        id,
        title: input.title,
        body: input.body,
        status: input.status,
        published_at: input.publishedAt,
        views: input.views,
        author_id: input.authorId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: PostChanges): Promise<void> {
    await this.db
      .updateTable('posts')
      .set({
        id,
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.publishedAt !== undefined ? { published_at: changes.publishedAt } : {}),
        ...(changes.views !== undefined ? { views: changes.views } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('posts').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Replaces the post's tags. */
  async setTagIds(id: string, ids: readonly string[]): Promise<void> {
    await this.db.deleteFrom('post_tags').where('post_id', '=', id).execute();
    if (ids.length > 0) {
      await this.db
        .insertInto('post_tags')
        .values([...new Set(ids)].map((other) => ({ post_id: id, tag_id: other })))
        .execute();
    }
  }

  /** Many-to-many ids of many records in one query per relation. */
  private async linksFor(ids: readonly string[]): Promise<Map<string, PostLinks>> {
    const out = new Map<string, PostLinks>();
    for (const id of ids) out.set(id, emptyLinks());
    if (ids.length === 0) return out;
    const tagsRows = await this.db
      .selectFrom('post_tags')
      .select(['post_id as owner', 'tag_id as other'])
      .where('post_id', 'in', ids)
      .orderBy('tag_id')
      .execute();
    for (const row of tagsRows) out.get(row.owner)?.tagIds.push(row.other);
    return out;
  }

}
