// The database tables of this app, as Kysely sees them.
// Column names are snake_case; repositories map rows to camelCase DTOs.
import type { ColumnType } from 'kysely';

/** Timestamps: written as ISO strings; read back as Date (PostgreSQL) or string (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
/** Booleans: written as 1/0; read back as boolean (PostgreSQL) or number (SQLite). */
export type DbBoolean = ColumnType<boolean | number, number, number>;
export type NullableDbBoolean = ColumnType<boolean | number | null, number | null, number | null>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  bio: string | null;

  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PostTable {
  id: string;
  title: string;
  body: string;
  status: string | null;
  published_at: NullableTimestamp;
  views: number | null;
  author_id: string;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommentTable {
  id: string;
  body: string;
  author_id: string;
  post_id: string;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TagTable {
  id: string;
  name: string;


  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  replaced_by: string | null;
}

export interface PostTagsTable {
  post_id: string;
  tag_id: string;
}

export interface Database {
  users: UserTable;
  posts: PostTable;
  comments: CommentTable;
  tags: TagTable;
  refresh_tokens: RefreshTokensTable;
  post_tags: PostTagsTable;
}
