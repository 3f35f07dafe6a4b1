// Doctor business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope } from '../../auth/access.js';
import { assertUnique, assertNotReferenced, assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { DoctorRepository } from './repository.js';
import type { DoctorCreateInput, DoctorDto, DoctorListFilter, DoctorUpdateInput } from './schema.js';

/** Who may do what with doctors; admins may always. */
export const DOCTOR_ACCESS = {
  read: { public: true, authenticated: false, owner: false, roles: [] },
  create: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  update: { public: false, authenticated: false, owner: false, roles: ["staff"] },
  delete: { public: false, authenticated: false, owner: false, roles: ["admin"] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns a doctor (null: nobody in particular). */
function ownerOf(_dto: DoctorDto): string | null {
  return null;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishDoctor(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: DoctorDto): void {
  events.publish(`doctor.${action}`, dto.id, dto, (actor) => can(actor, DOCTOR_ACCESS.read, ownerOf(dto)));
}

export class DoctorService {
  private readonly repo: DoctorRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new DoctorRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: DoctorListFilter): Promise<Page<DoctorDto>> {
    const scope = readScope(actor, DOCTOR_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<DoctorListFilter, 'page' | 'limit'>): Promise<DoctorDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Doctor not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<DoctorDto> {
    const dto = await this.load(id);
    check(actor, DOCTOR_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Doctor not found');
  }

  async create(actor: Principal | undefined, input: DoctorCreateInput): Promise<DoctorDto> {
    precheck(actor, DOCTOR_ACCESS.create);

    const db = this.deps.db.kysely;
    await assertUnique(db, 'doctors', [


      { column: 'license_number', path: 'licenseNumber', value: input.licenseNumber },


    ]);
    await assertReferencesExist(db, [

      { table: 'rooms', path: 'roomIds', ids: input.roomIds },
    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new DoctorRepository(trx);
      const newId = await repo.create({
        name: input.name,
        specialty: input.specialty,
        licenseNumber: input.licenseNumber,
        rating: input.rating ?? null,


      });
      await repo.setRoomIds(newId, input.roomIds);
      return newId;
    });
    const dto = await this.load(id);
    publishDoctor(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: DoctorUpdateInput): Promise<DoctorDto> {
    precheck(actor, DOCTOR_ACCESS.update);
    const existing = await this.load(id);
    check(actor, DOCTOR_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;
    await assertUnique(
      db,
      'doctors',
      [


        { column: 'license_number', path: 'licenseNumber', value: input.licenseNumber },


      ],
      id,
    );
    await assertReferencesExist(db, [

      { table: 'rooms', path: 'roomIds', ids: input.roomIds },
    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new DoctorRepository(trx);
      await repo.update(id, input);
      if (input.roomIds !== undefined) await repo.setRoomIds(id, input.roomIds);
    });
    const dto = await this.load(id);
    publishDoctor(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, DOCTOR_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, DOCTOR_ACCESS.delete, ownerOf(existing));
    await assertNotReferenced(this.deps.db.kysely, id, [
      { table: 'appointments', column: 'doctor_id', what: 'appointments' },
    ]);
    await this.repo.delete(id);
    publishDoctor(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<DoctorDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Doctor not found');
    return dto;
  }
}
