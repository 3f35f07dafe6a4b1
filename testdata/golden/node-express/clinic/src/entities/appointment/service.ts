// Appointment business rules: who may do what (from the spec's access lists), integrity checks, events.
import { type AccessRule, type Principal, can, check, precheck, readScope, requireActor } from '../../auth/access.js';
import { assertReferencesExist } from '../../db/integrity.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/list-query.js';
import type { EventHub } from '../../realtime/events.js';
import { AppointmentRepository } from './repository.js';
import type { AppointmentCreateInput, AppointmentDto, AppointmentListFilter, AppointmentUpdateInput } from './schema.js';

/** Who may do what with appointments; admins may always. */
export const APPOINTMENT_ACCESS = {
  read: { public: false, authenticated: true, owner: false, roles: [] },
  create: { public: false, authenticated: true, owner: false, roles: [] },
  update: { public: false, authenticated: false, owner: true, roles: [] },
  delete: { public: false, authenticated: false, owner: true, roles: [] },
} as const satisfies Record<string, AccessRule>;

/** The user who owns an appointment (null: nobody in particular). */
function ownerOf(dto: AppointmentDto): string | null {
  return dto.patientId;
}

/** Sends a change to the SSE clients that may read the record. */
export function publishAppointment(events: EventHub, action: 'created' | 'updated' | 'deleted', dto: AppointmentDto): void {
  events.publish(`appointment.${action}`, dto.id, dto, (actor) => can(actor, APPOINTMENT_ACCESS.read, ownerOf(dto)));
}

export class AppointmentService {
  private readonly repo: AppointmentRepository;

  constructor(private readonly deps: AppDeps) {
    this.repo = new AppointmentRepository(deps.db.kysely);
  }

  async list(actor: Principal | undefined, query: AppointmentListFilter): Promise<Page<AppointmentDto>> {
    const scope = readScope(actor, APPOINTMENT_ACCESS.read);
    return this.repo.list(scope === 'all' ? query : { ...query, ownedBy: scope.ownerId });
  }

  /** The one record matching a filter (one-to-one nested reads), or 404. */
  async findOne(actor: Principal | undefined, query: Omit<AppointmentListFilter, 'page' | 'limit'>): Promise<AppointmentDto> {
    const page = await this.list(actor, { ...query, page: 1, limit: 1 });
    const first = page.data[0];
    if (first === undefined) throw notFound('Appointment not found');
    return first;
  }

  async get(actor: Principal | undefined, id: string): Promise<AppointmentDto> {
    const dto = await this.load(id);
    check(actor, APPOINTMENT_ACCESS.read, ownerOf(dto));
    return dto;
  }

  /** 404 unless the record exists (nested reads check their parent first). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.repo.exists(id))) throw notFound('Appointment not found');
  }

  async create(actor: Principal | undefined, input: AppointmentCreateInput): Promise<AppointmentDto> {
    precheck(actor, APPOINTMENT_ACCESS.create);
    const owner = requireActor(actor);
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'doctors', path: 'doctorId', ids: input.doctorId },
      { table: 'rooms', path: 'roomId', ids: input.roomId },

    ]);
    const id = await db.transaction().execute(async (trx) => {
      const repo = new AppointmentRepository(trx);
      const newId = await repo.create({
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        reason: input.reason ?? null,
        status: input.status,
        externalRef: input.externalRef ?? null,
        doctorId: input.doctorId,
        roomId: input.roomId ?? null,
        patientId: owner.id,
      });

      return newId;
    });
    const dto = await this.load(id);
    publishAppointment(this.deps.events, 'created', dto);
    return dto;
  }

  async update(actor: Principal | undefined, id: string, input: AppointmentUpdateInput): Promise<AppointmentDto> {
    precheck(actor, APPOINTMENT_ACCESS.update);
    const existing = await this.load(id);
    check(actor, APPOINTMENT_ACCESS.update, ownerOf(existing));
    const db = this.deps.db.kysely;

    await assertReferencesExist(db, [
      { table: 'doctors', path: 'doctorId', ids: input.doctorId },
      { table: 'rooms', path: 'roomId', ids: input.roomId },

    ]);
    await db.transaction().execute(async (trx) => {
      const repo = new AppointmentRepository(trx);
      await repo.update(id, input);

    });
    const dto = await this.load(id);
    publishAppointment(this.deps.events, 'updated', dto);
    return dto;
  }

  async delete(actor: Principal | undefined, id: string): Promise<void> {
    precheck(actor, APPOINTMENT_ACCESS.delete);
    const existing = await this.load(id);
    check(actor, APPOINTMENT_ACCESS.delete, ownerOf(existing));

    await this.repo.delete(id);
    publishAppointment(this.deps.events, 'deleted', existing);
  }

  private async load(id: string): Promise<AppointmentDto> {
    const dto = await this.repo.findById(id);
    if (dto === undefined) throw notFound('Appointment not found');
    return dto;
  }
}
