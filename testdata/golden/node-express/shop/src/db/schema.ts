// The database tables of this app, as Kysely sees them.
// Column names are snake_case; repositories map rows to camelCase DTOs.
import type { ColumnType } from 'kysely';

/** Timestamps: written as ISO strings; read back as Date (PostgreSQL) or string (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>;
export type NullableTimestamp = ColumnType<Date | string | null, string | null, string | null>;
/** Booleans: written as 1/0; read back as boolean (PostgreSQL) or number (SQLite). */
export type DbBoolean = ColumnType<boolean | number, number, number>;
export type NullableDbBoolean = ColumnType<boolean | number | null, number | null, number | null>;

export interface CustomerTable {
  id: string;
  full_name: string;
  email: string;
  phone: string | null;
  is_vip: NullableDbBoolean;

  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CategoryTable {
  id: string;
  name: string;
  slug: string;
  parent_id: string | null;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductTable {
  id: string;
  name: string;
  sku: string;
  description: string | null;
  price: number;
  stock: number;
  image_url: string | null;
  active: NullableDbBoolean;
  category_id: string | null;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderTable {
  id: string;
  status: string;
  total: number;
  placed_at: Timestamp;
  shipping_address: string;
  customer_id: string;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderItemTable {
  id: string;
  quantity: number;
  unit_price: number;
  order_id: string;
  product_id: string;

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


export interface Database {
  customers: CustomerTable;
  categories: CategoryTable;
  products: ProductTable;
  orders: OrderTable;
  order_items: OrderItemTable;
  refresh_tokens: RefreshTokensTable;

}
