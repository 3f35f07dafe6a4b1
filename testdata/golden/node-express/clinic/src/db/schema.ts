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
  date_of_birth: string | null;

  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DoctorTable {
  id: string;
  name: string;
  specialty: string;
  license_number: string;
  rating: number | null;


  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DoctorProfileTable {
  id: string;
  bio: string | null;
  photo_url: string | null;
  languages: string | null;
  doctor_id: string;

  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoomTable {
  id: string;
  code: string;
  floor: number | null;


  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentTable {
  id: string;
  starts_at: Timestamp;
  duration_minutes: number;
  reason: string | null;
  status: string;
  external_ref: string | null;
  doctor_id: string;
  patient_id: string;
  room_id: string | null;

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

export interface DoctorRoomsTable {
  doctor_id: string;
  room_id: string;
}

export interface Database {
  users: UserTable;
  doctors: DoctorTable;
  doctor_profiles: DoctorProfileTable;
  rooms: RoomTable;
  appointments: AppointmentTable;
  refresh_tokens: RefreshTokensTable;
  doctor_rooms: DoctorRoomsTable;
}
