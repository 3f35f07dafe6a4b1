// DoctorProfile business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique, assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { DoctorProfileRepository } from './repository.js';
import type { DoctorProfileCreateInput, DoctorProfileDto, DoctorProfileListFilter, DoctorProfileUpdateInput } from './schema.js';

/** Who may do what with doctor profiles; admins may always. */
export const DOCTOR_PROFILE_ACCESS = {
  read: { public: true, authenticated: false, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  update: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["staff"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a doctor profile (null: nobody in particular). */
function ownerOf(_dto: DoctorProfileDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishDoctorProfile(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: DoctorProfileDto): void {
  events.publish(`doctor-profile.${action}`, dto.id, dto, (actor) => can(actor, DOCTOR_PROFILE_ACCESS.read, ownerOf(dto)));
}

export class DoctorProfileService {
  private readonly repo: DoctorProfileRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new DoctorProfileRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: DoctorProfileListFilter): Promise<Page<DoctorProfileDto>> {
    const scope = readScope(actor, DOCTOR_PROFILE_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<DoctorProfileListFilter, 'page' | 'limit'>): Promise<DoctorProfileDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('DoctorProfile not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<DoctorProfileDto> {
    const dto = await this.load(id);
    check(actor, DOCTOR_PROFILE_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('DoctorProfile not found');
  }

  async create(actor: Principal | undefined, input: DoctorProfileCreateInput): Promise<DoctorProfileDto> {
    precheck(actor, DOCTOR_PROFILE_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'doctor_profiles', [



      { column: 'doctor_id', path: 'doctorId', value: input.doctorId },
    ]);
    await assertReferencesExist(db, [
      { table: 'doctors', path: 'doctorId', ids: input.doctorId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new DoctorProfileRepository(trx);
      const newId = await repo.create({
        bio: input.bio ?? null,
        photoUrl: input.photoUrl ?? null,
        languages: input.languages ?? null,
        doctorId: input.doctorId,

      });

      return newId;
    });
    const dto = await this.load(id);
    publishDoctorProfile(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: DoctorProfileUpdateInput): Promise<DoctorProfileDto> {
    precheck(actor, DOCTOR_PROFILE_ACCESS.update);
    const existing = await this.load(id);
    check(actor, DOCTOR_PROFILE_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'doctor_profiles',
      [



        { column: 'doctor_id', path: 'doctorId', value: input.doctorId },
      ],
      id,
    );
    await assertReferencesExist(db, [
      { table: 'doctors', path: 'doctorId', ids: input.doctorId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new DoctorProfileRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishDoctorProfile(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, DOCTOR_PROFILE_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, DOCTOR_PROFILE_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishDoctorProfile(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<DoctorProfileDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('DoctorProfile not found');
    return dto;
  }
}
