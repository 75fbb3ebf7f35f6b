import { ageOn, type Application, type CreateApplicationRequest } from '@oz/contracts';
import { DuplicateKeyError, type ApplicationRecord, type ConsultationRecord, type Page, type PageRequest, type Store, type UserRecord } from '../ports/store.ts';
import { DomainError, conflict, forbidden, notFound, validationFailed } from './domain-error.ts';
import { CENTERS } from '../catalog/centers.ts';
import type { NotificationService } from './notifications.ts';
import { assertProgramOpen, type ProgramPeriod } from './program-period.ts';
import { moscowTime } from './moscow-time.ts';
import { newId } from './tokens.ts';

type NewApplication = Required<CreateApplicationRequest>;

/** Path 1 of the program: a patient applies to a center; a doctor of that center schedules or declines. */
export class ApplicationService {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly programPeriod: ProgramPeriod,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(patient: UserRecord, input: NewApplication): Promise<Application> {
    if (patient.role !== 'patient') throw forbidden('Only patients file applications');
    assertProgramOpen(this.programPeriod, this.now());
    const center = CENTERS.find((candidate) => candidate.id === input.centerId)!;
    if (!center.diseases.some((disease) => disease.id === input.disease)) {
      throw validationFailed([{ field: 'disease', code: 'invalid', message: 'Choose a disease from this center\'s list' }]);
    }
    const documentIds = [...new Set(input.documentIds)];
    const documents = await this.store.documents.listByOwner(patient.id);
    const attached = documents.filter((document) => documentIds.includes(document.id));
    if (attached.length !== documentIds.length) {
      throw validationFailed([{ field: 'documentIds', code: 'invalid', message: 'Attach only your own uploaded documents' }]);
    }
    const missing = center.documents.filter((doc) => doc.required && !attached.some((a) => a.kind === doc.kind));
    if (missing.length > 0) {
      throw new DomainError('validation_failed', `Attach the required documents: ${missing.map((doc) => doc.name).join(', ')}`, {
        fields: [{ field: 'documentIds', code: 'documents_missing', message: 'Some required documents are missing' }],
        missingKinds: missing.map((doc) => doc.kind),
      });
    }
    const at = this.now().toISOString();
    const record: ApplicationRecord = {
      id: newId(),
      patientId: patient.id,
      centerId: input.centerId,
      disease: input.disease,
      diagnosis: input.diagnosis,
      complaints: input.complaints,
      documentIds,
      status: 'submitted',
      source: 'own',
      referral: null,
      declineReason: null,
      consultationId: null,
      reviewedBy: null,
      createdAt: at,
      updatedAt: at,
    };
    const alreadyWaiting = (applicationId?: string) =>
      conflict('application_waiting', 'You already have an application to this center waiting for review', applicationId ? { applicationId } : {});
    await this.store.transaction(async (tx) => {
      const open = await tx.applications.findWaiting(patient.id, input.centerId);
      if (open) throw alreadyWaiting(open.id);
      try {
        await tx.applications.insert(record);
      } catch (error) {
        // The store's own rule, for a twin request that got past the check at the same moment.
        if (error instanceof DuplicateKeyError) throw alreadyWaiting();
        throw error;
      }
    });
    // In the bell too, so the patient sees it went (no SMS: they are on the page that sent it).
    await this.notifications.notify(patient, {
      kind: 'application_submitted',
      text: `Облако здоровья: заявка на онлайн-консультацию отправлена в ${center.name}. Врач ответит в личном кабинете.`,
      data: { applicationId: record.id },
    });
    return this.view(record, patient);
  }

  /** A patient's own applications are few and come on one page; a center's queue is paged. */
  async list(viewer: UserRecord, status: Application['status'] | undefined, page: PageRequest): Promise<Page<Application>> {
    if (viewer.role === 'patient') {
      const own = await this.store.applications.listByPatient(viewer.id);
      return { items: own.filter((a) => !status || a.status === status).map((a) => this.view(a, viewer)), nextCursor: null };
    }
    if (viewer.role === 'doctor' && viewer.centerId) {
      const queue = await this.store.applications.pageByCenter(viewer.centerId, status, page);
      const patients = new Map((await this.store.users.findByIds(queue.items.map((a) => a.patientId))).map((p) => [p.id, p]));
      return { items: queue.items.map((a) => this.view(a, patients.get(a.patientId))), nextCursor: queue.nextCursor };
    }
    throw forbidden('Applications are for patients and the centers\' doctors');
  }

  async get(viewer: UserRecord, id: string): Promise<Application> {
    return this.viewWithPatient(await this.visible(viewer, id));
  }

  async schedule(doctor: UserRecord, id: string, startsAt: string, durationMinutes: number): Promise<ConsultationRecord> {
    const application = await this.reviewable(doctor, id);
    if (Date.parse(startsAt) <= this.now().getTime()) {
      throw validationFailed([{ field: 'startsAt', code: 'date_in_past', message: 'Choose a time in the future' }]);
    }
    const at = this.now().toISOString();
    const consultation: ConsultationRecord = {
      id: newId(),
      kind: application.source === 'referral' ? 'referral' : 'application',
      status: 'scheduled',
      centerId: application.centerId,
      patientId: application.patientId,
      doctorId: doctor.id,
      applicationId: application.id,
      slotId: null,
      topic: null,
      channel: 'video',
      startsAt: new Date(startsAt).toISOString(),
      durationMinutes,
      cancelledBy: null,
      cancelReason: null,
      callEndedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.transaction(async (tx) => {
      const current = await tx.applications.findById(id);
      if (current?.status !== 'submitted') throw alreadyReviewed();
      const endsAt = endOf(consultation);
      const busy = await tx.consultations.findScheduledOverlapping(doctor.id, consultation.startsAt, endsAt);
      if (busy) throw doctorBusy(busy.id);
      // A free duty slot is time a patient may book at any moment: the doctor is not free then either.
      const dutySlot = await tx.dutySlots.findOverlapping(doctor.id, consultation.startsAt, endsAt);
      if (dutySlot) {
        throw conflict('doctor_busy', `You have duty time open at ${moscowTime(dutySlot.startsAt)}; remove that slot or choose another time`, {
          slotId: dutySlot.id,
        });
      }
      try {
        await tx.consultations.insert(consultation);
      } catch (error) {
        if (error instanceof DuplicateKeyError && error.key === 'doctorTime') throw doctorBusy();
        throw error;
      }
      await tx.applications.update(id, { status: 'scheduled', consultationId: consultation.id, reviewedBy: doctor.id, updatedAt: at });
    });
    const patient = await this.store.users.findById(application.patientId);
    if (patient) {
      await this.notifications.notify(patient, {
        kind: 'application_scheduled',
        text: `Облако здоровья: онлайн-консультация назначена на ${moscowTime(consultation.startsAt)}. Подробности в личном кабинете, раздел «Консультации».`,
        data: { applicationId: id, consultationId: consultation.id, startsAt: consultation.startsAt },
        sms: `Облако здоровья: онлайн-консультация назначена на ${moscowTime(consultation.startsAt)}. Подробности в личном кабинете, раздел «Консультации».`,
      });
    }
    return consultation;
  }

  async decline(doctor: UserRecord, id: string, reason: string): Promise<Application> {
    const application = await this.reviewable(doctor, id);
    const at = this.now().toISOString();
    const updated = await this.store.transaction(async (tx) => {
      const current = await tx.applications.findById(id);
      if (current?.status !== 'submitted') throw alreadyReviewed();
      return tx.applications.update(id, { status: 'declined', declineReason: reason, reviewedBy: doctor.id, updatedAt: at });
    });
    const patient = await this.store.users.findById(application.patientId);
    if (patient) {
      await this.notifications.notify(patient, {
        kind: 'application_declined',
        text: `Облако здоровья: по вашей заявке на онлайн-консультацию врач ответил отказом. Причина: ${reason}`,
        data: { applicationId: id, reason },
        sms: 'Облако здоровья: по вашей заявке на онлайн-консультацию врач ответил отказом. Причина указана в личном кабинете.',
      });
    }
    return this.viewWithPatient(updated);
  }

  /** The patient withdraws an application that no doctor has reviewed yet. */
  async cancel(patient: UserRecord, id: string): Promise<Application> {
    const application = await this.store.applications.findById(id);
    if (!application || application.patientId !== patient.id) throw notFound('The application');
    const updated = await this.store.transaction(async (tx) => {
      const current = await tx.applications.findById(id);
      if (current?.status !== 'submitted') {
        throw conflict('already_reviewed', 'Only an application waiting for review can be withdrawn; cancel its consultation instead');
      }
      return tx.applications.update(id, { status: 'cancelled', updatedAt: this.now().toISOString() });
    });
    return this.view(updated, patient);
  }

  private async visible(viewer: UserRecord, id: string): Promise<ApplicationRecord> {
    const application = await this.store.applications.findById(id);
    const mayView =
      application &&
      ((viewer.role === 'patient' && application.patientId === viewer.id) ||
        (viewer.role === 'doctor' && viewer.centerId === application.centerId));
    if (!application || !mayView) throw notFound('The application');
    return application;
  }

  private async reviewable(doctor: UserRecord, id: string): Promise<ApplicationRecord> {
    if (doctor.role !== 'doctor') throw forbidden('Only the center\'s doctors review applications');
    const application = await this.visible(doctor, id);
    if (application.status !== 'submitted') throw alreadyReviewed();
    return application;
  }

  private async viewWithPatient(application: ApplicationRecord): Promise<Application> {
    const patient = await this.store.users.findById(application.patientId);
    return this.view(application, patient);
  }

  private view(application: ApplicationRecord, patient: UserRecord | undefined): Application {
    const { reviewedBy: _internal, ...rest } = application;
    return {
      ...rest,
      patient: {
        fullName: patient?.fullName ?? '',
        age: patient?.birthDate ? ageOn(patient.birthDate, this.now()) : null,
        // An erased account's phone is gone (its stored value is a tombstone, no number).
        phone: patient && !patient.erasedAt ? patient.phone : '',
      },
    };
  }
}

const alreadyReviewed = () => conflict('already_reviewed', 'This application has already been reviewed');

const doctorBusy = (consultationId?: string) =>
  conflict('doctor_busy', 'You already have a consultation at that time', consultationId ? { consultationId } : {});

const endOf = (timed: { startsAt: string; durationMinutes: number }) =>
  new Date(Date.parse(timed.startsAt) + timed.durationMinutes * 60_000).toISOString();
