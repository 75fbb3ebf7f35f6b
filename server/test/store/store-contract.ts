import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DuplicateKeyError, InvalidCursorError, RecordNotFoundError, type Store } from '../../src/ports/store.ts';
import {
  allPages,
  applicationRecord,
  consultationRecord,
  doctorRecord,
  messageRecord,
  minutesAfter,
  notificationRecord,
  patientAndDoctor,
  slotRecord,
  userRecord,
} from './records.ts';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

const duplicate = (key: DuplicateKeyError['key']) => (error: unknown) => error instanceof DuplicateKeyError && error.key === key;

/**
 * What every Store adapter promises (ports/store.ts), run against each of them: the same
 * answers, the same refusals, the same order of lists and pages. Adapter details (lowdb's file
 * and lock, PostgreSQL's migrations and outages) have tests of their own.
 */
export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    before(async () => {
      opened = await open();
      store = opened.store;
    });
    after(() => opened?.close());

    describe('users', () => {
      it('finds a user by id and phone, with every field as written', async () => {
        const user = userRecord({ email: 'maria@example.ru', otpExpiresAt: '2026-12-01T10:00:00.000Z', mustChangePassword: true });
        await store.users.insert(user);
        assert.deepEqual(await store.users.findById(user.id), user);
        assert.deepEqual(await store.users.findByPhone(user.phone), user);
        assert.equal(await store.users.findById('nobody'), undefined);
        const staff = doctorRecord({ isDutyDoctor: true });
        await store.users.insert(staff);
        assert.deepEqual(await store.users.findById(staff.id), staff);
      });

      it('refuses a second account on one phone, on insert and on update', async () => {
        const first = userRecord();
        const second = userRecord();
        await store.users.insert(first);
        await store.users.insert(second);
        await assert.rejects(store.users.insert(userRecord({ phone: first.phone })), duplicate('phone'));
        await assert.rejects(store.users.update(second.id, { phone: first.phone }), duplicate('phone'));
        assert.equal((await store.users.findById(second.id))?.phone, second.phone);
      });

      it('updates only the given fields and returns the result; an unknown id is RecordNotFoundError', async () => {
        const user = userRecord();
        await store.users.insert(user);
        const updated = await store.users.update(user.id, { fullName: 'Иванова Мария', consent: null, updatedAt: '2026-11-02T00:00:00.000Z' });
        assert.deepEqual(updated, { ...user, fullName: 'Иванова Мария', consent: null, updatedAt: '2026-11-02T00:00:00.000Z' });
        assert.deepEqual(await store.users.findById(user.id), updated);
        await assert.rejects(store.users.update('nobody', { fullName: 'x' }), RecordNotFoundError);
      });

      it('finds many users by id at once, skipping unknown ids and repeats', async () => {
        const [first, second] = [userRecord(), doctorRecord()];
        await store.users.insert(first);
        await store.users.insert(second);
        const found = await store.users.findByIds([second.id, 'nobody', first.id, second.id]);
        assert.deepEqual(found.map((user) => user.id).sort(), [first.id, second.id].sort());
        assert.deepEqual(found.find((user) => user.id === second.id), second);
        assert.deepEqual(await store.users.findByIds([]), []);
      });

      it('counts users', async () => {
        const before = await store.users.count();
        await store.users.insert(userRecord());
        assert.equal(await store.users.count(), before + 1);
      });

      it('gives copies: changing a returned record changes nothing stored', async () => {
        const user = userRecord();
        await store.users.insert(user);
        const found = (await store.users.findById(user.id))!;
        found.fullName = 'changed outside';
        assert.equal((await store.users.findById(user.id))?.fullName, user.fullName);
      });
    });

    describe('tokens', () => {
      it('finds, revokes one, revokes all but one, and purges ended ones', async () => {
        const { patient } = await patientAndDoctor(store);
        const token = (id: string, hash: string, overrides = {}) => ({
          id,
          userId: patient.id,
          tokenHash: `${hash}-${patient.id}`,
          createdAt: '2026-01-01T00:00:00.000Z',
          expiresAt: '2030-01-01T00:00:00.000Z',
          revokedAt: null,
          ...overrides,
        });
        const ids = ['a', 'b', 'c', 'old'].map((suffix) => `${patient.id}-${suffix}`);
        await store.tokens.insert(token(ids[0]!, 'a'));
        await store.tokens.insert(token(ids[1]!, 'b'));
        await store.tokens.insert(token(ids[2]!, 'c'));
        await store.tokens.insert(token(ids[3]!, 'old', { expiresAt: '2026-01-02T00:00:00.000Z' }));
        assert.equal((await store.tokens.findByHash(`a-${patient.id}`))?.id, ids[0]);
        await store.tokens.revoke(ids[0]!, '2026-02-01T00:00:00.000Z');
        await store.tokens.revoke(ids[0]!, '2026-03-01T00:00:00.000Z'); // the first revocation stands
        assert.equal((await store.tokens.findById(ids[0]!))?.revokedAt, '2026-02-01T00:00:00.000Z');
        assert.equal(await store.tokens.revokeAllForUser(patient.id, '2026-02-02T00:00:00.000Z', ids[1]), 2); // c and old
        assert.equal((await store.tokens.findById(ids[1]!))?.revokedAt, null);
        assert.equal(await store.tokens.purge('2026-02-01T12:00:00.000Z'), 2); // a (revoked before) and old (expired before)
        assert.equal(await store.tokens.findById(ids[0]!), undefined);
        assert.ok(await store.tokens.findById(ids[2]!)); // revoked after the purge's moment
      });
    });

    describe('documents', () => {
      it('lists a patient\'s documents newest first and deletes one', async () => {
        const { patient } = await patientAndDoctor(store);
        const document = (id: string, uploadedAt: string) => ({
          id: `${patient.id}-${id}`,
          ownerId: patient.id,
          kind: 'ecg' as const,
          fileName: `${id}.pdf`,
          mediaType: 'application/pdf' as const,
          sizeBytes: 12_345,
          storageKey: `${patient.id}${id}`.replace(/[^a-z0-9]/gi, '').padEnd(32, '0').slice(0, 32),
          uploadedAt,
        });
        await store.documents.insert(document('old', '2026-11-01T09:00:00.000Z'));
        await store.documents.insert(document('new', '2026-11-02T09:00:00.000Z'));
        assert.deepEqual((await store.documents.listByOwner(patient.id)).map((d) => d.fileName), ['new.pdf', 'old.pdf']);
        assert.deepEqual(await store.documents.findById(`${patient.id}-new`), document('new', '2026-11-02T09:00:00.000Z'));
        await store.documents.delete(`${patient.id}-old`);
        assert.deepEqual((await store.documents.listByOwner(patient.id)).map((d) => d.fileName), ['new.pdf']);
      });
    });

    describe('applications', () => {
      it('keeps one waiting application per patient and center, on insert and on update', async () => {
        const { patient } = await patientAndDoctor(store);
        const first = applicationRecord(patient.id, { referral: { referringDoctor: 'Сидоров', organization: 'ЦРБ', importedAt: '2026-11-01T09:00:00.000Z' }, source: 'referral' });
        await store.applications.insert(first);
        assert.deepEqual(await store.applications.findById(first.id), first);
        assert.deepEqual(await store.applications.findWaiting(patient.id, 'bakulev'), first);
        assert.equal(await store.applications.findWaiting(patient.id, 'kulakov'), undefined);
        await assert.rejects(store.applications.insert(applicationRecord(patient.id)), duplicate('waitingApplication'));
        await store.applications.insert(applicationRecord(patient.id, { centerId: 'kulakov' })); // another center
        await store.applications.update(first.id, { status: 'scheduled' });
        const second = applicationRecord(patient.id);
        await store.applications.insert(second); // the first no longer waits
        await assert.rejects(store.applications.update(first.id, { status: 'submitted' }), duplicate('waitingApplication'));
        assert.equal((await store.applications.findById(first.id))?.status, 'scheduled');
      });

      it('lists a patient\'s applications newest first', async () => {
        const { patient } = await patientAndDoctor(store);
        await store.applications.insert(applicationRecord(patient.id, { diagnosis: 'old', status: 'declined', createdAt: '2026-10-01T00:00:00.000Z' }));
        await store.applications.insert(applicationRecord(patient.id, { diagnosis: 'new', createdAt: '2026-10-02T00:00:00.000Z' }));
        assert.deepEqual((await store.applications.listByPatient(patient.id)).map((a) => a.diagnosis), ['new', 'old']);
      });

      it('pages through a center\'s queue oldest first, by status when asked', async () => {
        const centerId = 'kulakov';
        const marker = `queue-${Date.now()}-${Math.random()}`;
        const created: string[] = [];
        for (let i = 0; i < 7; i += 1) {
          const patient = userRecord();
          await store.users.insert(patient);
          // Two in one millisecond: the earlier written comes first.
          const createdAt = `2020-01-0${Math.min(i, 5) + 1}T00:00:00.000Z`;
          const application = applicationRecord(patient.id, { centerId, diagnosis: `${marker}-${i}`, createdAt, status: i % 3 === 0 ? 'declined' : 'submitted' });
          await store.applications.insert(application);
          created.push(application.diagnosis);
        }
        const mine = (items: { diagnosis: string }[]) => items.map((a) => a.diagnosis).filter((d) => d.startsWith(marker));
        const pages = await allPages((cursor) => store.applications.pageByCenter(centerId, undefined, { limit: 3, cursor }));
        assert.deepEqual(mine(pages.flat()), created);
        assert.ok(pages.slice(0, -1).every((page) => page.length === 3));
        const waiting = await allPages((cursor) => store.applications.pageByCenter(centerId, 'submitted', { limit: 2, cursor }));
        assert.deepEqual(mine(waiting.flat()), created.filter((_, i) => i % 3 !== 0));
      });

      it('refuses a cursor it did not write', async () => {
        await assert.rejects(store.applications.pageByCenter('bakulev', undefined, { limit: 2, cursor: 'not-a-cursor' }), InvalidCursorError);
        for (const key of ['yesterday', 'foo 1', '1', '2026-11-01T09:00:00Z']) {
          const forged = Buffer.from(JSON.stringify([key, 1])).toString('base64url');
          await assert.rejects(store.notifications.pageByUser('u', { limit: 2, cursor: forged }), InvalidCursorError, key);
        }
      });
    });

    describe('consultations', () => {
      it('never lets two scheduled consultations of one doctor overlap', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const first = consultationRecord(patient.id, doctor.id, { startsAt: '2026-12-10T10:00:00.000Z', durationMinutes: 30 });
        await store.consultations.insert(first);
        assert.deepEqual(await store.consultations.findById(first.id), first);
        await assert.rejects(
          store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2026-12-10T10:29:00.000Z' })),
          duplicate('doctorTime'),
        );
        // Back to back is fine; so is an overlap with a consultation no longer scheduled.
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2026-12-10T10:30:00.000Z' }));
        await store.consultations.update(first.id, { status: 'in_progress' });
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2026-12-10T10:10:00.000Z', durationMinutes: 20 }));
        const other = doctorRecord();
        await store.users.insert(other);
        await store.consultations.insert(consultationRecord(patient.id, other.id, { startsAt: '2026-12-10T10:00:00.000Z' }));
        assert.equal((await store.consultations.findScheduledOverlapping(doctor.id, '2026-12-10T10:15:00.000Z', '2026-12-10T10:16:00.000Z'))?.startsAt, '2026-12-10T10:10:00.000Z');
        assert.equal(await store.consultations.findScheduledOverlapping(doctor.id, '2026-12-10T11:00:00.000Z', '2026-12-10T12:00:00.000Z'), undefined);
      });

      it('keeps when the doctor ended the call, and clears it again', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const record = consultationRecord(patient.id, doctor.id, { startsAt: '2026-12-11T10:00:00.000Z' });
        await store.consultations.insert(record);
        assert.equal((await store.consultations.findById(record.id))?.callEndedAt, null);
        await store.consultations.update(record.id, { callEndedAt: '2026-12-11T10:25:00.000Z' });
        assert.equal((await store.consultations.findById(record.id))?.callEndedAt, '2026-12-11T10:25:00.000Z');
        assert.equal((await store.consultations.pageByPatient(patient.id, { limit: 10 })).items.find((c) => c.id === record.id)?.callEndedAt, '2026-12-11T10:25:00.000Z');
        await store.consultations.update(record.id, { callEndedAt: null });
        assert.equal((await store.consultations.findById(record.id))?.callEndedAt, null);
      });

      it('holds one live consultation per duty slot; a cancelled one frees it', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const slot = slotRecord(doctor.id);
        await store.dutySlots.insert(slot);
        const first = consultationRecord(patient.id, doctor.id, { slotId: slot.id, startsAt: slot.startsAt, durationMinutes: 20 });
        await store.consultations.insert(first);
        const other = doctorRecord(); // another doctor, so only the slot rule can refuse
        await store.users.insert(other);
        await assert.rejects(store.consultations.insert(consultationRecord(patient.id, other.id, { slotId: slot.id, startsAt: slot.startsAt })), duplicate('slotId'));
        await store.consultations.update(first.id, { status: 'cancelled', cancelledBy: 'patient' });
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { slotId: slot.id, startsAt: slot.startsAt, durationMinutes: 20 }));
      });

      it('pages a patient\'s and a doctor\'s consultations by start time, either way, within a range', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const starts = ['2027-01-05T10:00:00.000Z', '2027-01-01T10:00:00.000Z', '2027-01-03T10:00:00.000Z', '2027-01-02T10:00:00.000Z', '2027-01-04T10:00:00.000Z'];
        for (const startsAt of starts) await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt }));
        const sorted = [...starts].sort();
        const flat = async (read: (cursor?: string) => ReturnType<Store['consultations']['pageByPatient']>) => (await allPages(read)).flat().map((c) => c.startsAt);
        assert.deepEqual(await flat((cursor) => store.consultations.pageByPatient(patient.id, { limit: 2, cursor })), sorted);
        assert.deepEqual(await flat((cursor) => store.consultations.pageByDoctor(doctor.id, { limit: 2, cursor, order: 'desc' })), [...sorted].reverse());
        assert.deepEqual(
          await flat((cursor) => store.consultations.pageByPatient(patient.id, { limit: 10, cursor, from: '2027-01-02T10:00:00.000Z', to: '2027-01-04T10:00:00.000Z' })),
          sorted.slice(1, 3),
        );
        const first = await store.consultations.pageByPatient(patient.id, { limit: 5 });
        assert.equal(first.items.length, 5);
        assert.equal(first.nextCursor, null);
      });

      it('counts a patient\'s upcoming duty bookings and knows whom they consulted', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const stranger = doctorRecord();
        await store.users.insert(stranger);
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2027-02-01T10:00:00.000Z' }));
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2027-02-02T10:00:00.000Z', kind: 'application' }));
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2027-02-03T10:00:00.000Z', status: 'cancelled' }));
        await store.consultations.insert(consultationRecord(patient.id, doctor.id, { startsAt: '2026-01-03T10:00:00.000Z' }));
        assert.equal(await store.consultations.countUpcomingDuty(patient.id, '2026-12-01T00:00:00.000Z'), 1);
        assert.equal(await store.consultations.existsWith(patient.id, doctor.id), true);
        assert.equal(await store.consultations.existsWith(patient.id, stranger.id), false);
      });

      it('keeps one conclusion per consultation', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const consultation = consultationRecord(patient.id, doctor.id, { startsAt: '2027-03-01T10:00:00.000Z' });
        await store.consultations.insert(consultation);
        const conclusion = { consultationId: consultation.id, doctorId: doctor.id, text: 'Здорова', recommendations: 'Гулять', outcome: 'conclusion' as const, createdAt: '2027-03-01T11:00:00.000Z' };
        await store.conclusions.insert(conclusion);
        assert.deepEqual(await store.conclusions.findByConsultation(consultation.id), conclusion);
        await assert.rejects(store.conclusions.insert({ ...conclusion, text: 'second' }), duplicate('consultationId'));
        assert.equal(await store.conclusions.findByConsultation('none'), undefined);
        assert.deepEqual(await store.conclusions.findByConsultations([consultation.id, 'none']), [conclusion]);
        assert.deepEqual(await store.conclusions.findByConsultations([]), []);
      });
    });

    describe('notifications', () => {
      it('pages newest first (the later of one millisecond first), counts and marks unread', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const same = '2026-11-27T10:00:00.000Z';
        const notes = [
          notificationRecord(patient.id, { text: 'older', createdAt: '2026-11-27T09:00:00.000Z' }),
          notificationRecord(patient.id, { text: 'first', createdAt: same }),
          notificationRecord(patient.id, { text: 'second', createdAt: same }),
          notificationRecord(patient.id, { text: 'third', createdAt: same, data: { consultationId: 'c', startsAt: same } }),
        ];
        for (const note of notes) await store.notifications.insert(note);
        const pages = await allPages((cursor) => store.notifications.pageByUser(patient.id, { limit: 2, cursor }));
        assert.deepEqual(pages.map((page) => page.map((n) => n.text)), [['third', 'second'], ['first', 'older']]);
        assert.deepEqual(pages[0]![0], notes[3]);
        assert.equal(await store.notifications.countUnread(patient.id), 4);
        const read = await store.notifications.markRead(notes[0]!.id, patient.id, '2026-11-28T00:00:00.000Z');
        assert.equal(read?.readAt, '2026-11-28T00:00:00.000Z');
        assert.equal((await store.notifications.markRead(notes[0]!.id, patient.id, '2026-11-29T00:00:00.000Z'))?.readAt, '2026-11-28T00:00:00.000Z');
        assert.equal(await store.notifications.markRead(notes[1]!.id, doctor.id, '2026-11-28T00:00:00.000Z'), undefined); // not theirs
        assert.equal(await store.notifications.countUnread(patient.id), 3);
      });
    });

    describe('duty slots', () => {
      it('refuses overlapping slots of one doctor and finds an overlap', async () => {
        const { doctor } = await patientAndDoctor(store);
        await store.dutySlots.insert(slotRecord(doctor.id, { startsAt: '2027-04-01T07:00:00.000Z', durationMinutes: 20 }));
        await store.dutySlots.insert(slotRecord(doctor.id, { startsAt: '2027-04-01T07:20:00.000Z', durationMinutes: 20 }));
        await assert.rejects(store.dutySlots.insert(slotRecord(doctor.id, { startsAt: '2027-04-01T07:10:00.000Z' })), duplicate('doctorTime'));
        assert.equal((await store.dutySlots.findOverlapping(doctor.id, '2027-04-01T07:30:00.000Z', '2027-04-01T09:00:00.000Z'))?.startsAt, '2027-04-01T07:20:00.000Z');
        assert.equal(await store.dutySlots.findOverlapping(doctor.id, '2027-04-01T07:40:00.000Z', '2027-04-01T09:00:00.000Z'), undefined);
      });

      it('pages free slots of a range by start time, of one center when asked, and a doctor\'s own', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const other = doctorRecord({ centerId: 'kulakov' });
        await store.users.insert(other);
        const day = '2031-05-01T07:00:00.000Z';
        const mine = [0, 20, 40, 60, 80].map((m) => slotRecord(doctor.id, { startsAt: minutesAfter(day, m) }));
        const theirs = [10, 30].map((m) => slotRecord(other.id, { centerId: 'kulakov', startsAt: minutesAfter(day, m) }));
        for (const slot of [...mine, ...theirs]) await store.dutySlots.insert(slot);
        const booked = consultationRecord(patient.id, doctor.id, { slotId: mine[1]!.id, startsAt: mine[1]!.startsAt, durationMinutes: 20 });
        await store.consultations.insert(booked);
        await store.dutySlots.update(mine[1]!.id, { consultationId: booked.id });
        const range = { from: minutesAfter(day, 0), to: minutesAfter(day, 80) };
        const free = await allPages((cursor) => store.dutySlots.pageFree(range, undefined, { limit: 2, cursor }));
        assert.deepEqual(free.flat().map((s) => s.startsAt), [0, 10, 30, 40, 60].map((m) => minutesAfter(day, m)));
        const kulakov = await store.dutySlots.pageFree(range, 'kulakov', { limit: 10 });
        assert.deepEqual(kulakov.items.map((s) => s.id), theirs.map((s) => s.id));
        const own = await allPages((cursor) => store.dutySlots.pageByDoctor(doctor.id, { from: minutesAfter(day, 20) }, { limit: 3, cursor }));
        assert.deepEqual(own.flat().map((s) => s.id), mine.slice(1).map((s) => s.id));
        assert.equal(own.flat()[0]!.consultationId, booked.id);
        await store.dutySlots.delete(mine[4]!.id);
        assert.equal(await store.dutySlots.findById(mine[4]!.id), undefined);
      });
    });

    describe('messages', () => {
      it('pages a chat from the latest back in time', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const consultation = consultationRecord(patient.id, doctor.id, { startsAt: '2027-06-01T10:00:00.000Z' });
        await store.consultations.insert(consultation);
        for (let i = 0; i < 5; i += 1) {
          await store.messages.insert(messageRecord(consultation.id, i % 2 ? doctor.id : patient.id, { text: `m${i}`, createdAt: minutesAfter('2027-05-30T10:00:00.000Z', i) }));
        }
        const pages = await allPages((cursor) => store.messages.pageByConsultation(consultation.id, { limit: 2, cursor }));
        assert.deepEqual(pages.map((page) => page.map((m) => m.text)), [['m4', 'm3'], ['m2', 'm1'], ['m0']]);
      });
    });

    describe('audit trail', () => {
      it('appends entries and pages a patient\'s trail newest first, without one person\'s own when asked', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const entry = (i: number, actorId: string) => ({
          id: `audit-${patient.id}-${i}`,
          at: minutesAfter('2027-05-30T10:00:00.000Z', i === 3 ? 2 : i), // 2 and 3 at the same moment: write order decides
          actorId,
          actorRole: actorId === doctor.id ? ('doctor' as const) : ('patient' as const),
          action: i % 2 ? ('status_changed' as const) : ('read' as const),
          subjectType: 'document' as const,
          subjectId: `doc-${i}`,
          patientId: patient.id,
          status: i % 2 ? 'cancelled' : null,
          address: i === 0 ? null : '203.0.113.7',
        });
        const entries = [entry(0, doctor.id), entry(1, patient.id), entry(2, doctor.id), entry(3, doctor.id)];
        await store.audit.append(entries.slice(0, 2));
        await store.audit.append(entries.slice(2));
        await store.audit.append([]);
        const pages = await allPages((cursor) => store.audit.pageByPatient(patient.id, { limit: 3, cursor }));
        assert.deepEqual(pages.map((page) => page.map((e) => e.subjectId)), [['doc-3', 'doc-2', 'doc-1'], ['doc-0']]);
        assert.deepEqual(pages.flat().find((e) => e.subjectId === 'doc-1'), entries[1], 'every field as written');
        const others = await store.audit.pageByPatient(patient.id, { limit: 10 }, patient.id);
        assert.deepEqual(others.items.map((e) => e.subjectId), ['doc-3', 'doc-2', 'doc-0']);
        assert.deepEqual((await store.audit.pageByPatient(doctor.id, { limit: 10 })).items, []);
      });
    });

    describe('unread chats, their notification and last-seen', () => {
      it('counts unread messages per reader, clears them, and lets one claim of an SMS through an hour', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const consultation = consultationRecord(patient.id, doctor.id, { startsAt: '2027-07-01T10:00:00.000Z' });
        await store.consultations.insert(consultation);
        assert.deepEqual(await store.chatUnread.findByUser(patient.id, [consultation.id]), []);
        await store.chatUnread.addUnread(consultation.id, patient.id, '2027-06-01T10:00:00.000Z');
        const second = await store.chatUnread.addUnread(consultation.id, patient.id, '2027-06-01T10:05:00.000Z');
        assert.deepEqual(second, { consultationId: consultation.id, userId: patient.id, count: 2, lastMessageAt: '2027-06-01T10:05:00.000Z', smsAt: null });
        assert.deepEqual(await store.chatUnread.findByUser(doctor.id, [consultation.id]), []);

        const due = (now: string) => store.chatUnread.listSmsDue('2027-05-31T10:00:00.000Z', minutesAfter(now, -60), 10);
        assert.deepEqual((await due('2027-06-01T10:20:00.000Z')).map((r) => r.userId), [patient.id]);
        const claims = await Promise.all([
          store.chatUnread.claimSms(consultation.id, patient.id, '2027-06-01T10:20:00.000Z', '2027-06-01T09:20:00.000Z'),
          store.chatUnread.claimSms(consultation.id, patient.id, '2027-06-01T10:20:00.000Z', '2027-06-01T09:20:00.000Z'),
        ]);
        assert.deepEqual(claims.sort(), [false, true]);
        assert.deepEqual(await due('2027-06-01T10:30:00.000Z'), [], 'told: nothing due');
        await store.chatUnread.addUnread(consultation.id, patient.id, '2027-06-01T10:40:00.000Z');
        assert.deepEqual(await due('2027-06-01T10:50:00.000Z'), [], 'a new message within the hour: not yet');
        assert.equal((await due('2027-06-01T11:21:00.000Z')).length, 1, 'an hour on: due again');

        assert.equal(await store.chatUnread.markChatRead(consultation.id, patient.id), 3);
        assert.equal((await store.chatUnread.findByUser(patient.id, [consultation.id]))[0]?.count, 0);
        assert.deepEqual(await due('2027-06-01T11:21:00.000Z'), [], 'read: nothing due');
        assert.equal(await store.chatUnread.markChatRead(consultation.id, doctor.id), 0);
      });

      it('finds, updates and marks read the unread notification about a consultation', async () => {
        const { patient } = await patientAndDoctor(store);
        const about = (consultationId: string, overrides = {}) =>
          notificationRecord(patient.id, { kind: 'message_received', data: { consultationId, messages: 1 }, ...overrides });
        const entry = about('c-7');
        await store.notifications.insert(entry);
        await store.notifications.insert(about('c-8'));
        await store.notifications.insert(about('c-7', { readAt: '2027-01-01T00:00:00.000Z' }));
        assert.equal((await store.notifications.findUnreadAbout(patient.id, 'message_received', 'c-7'))?.id, entry.id);
        assert.equal(await store.notifications.findUnreadAbout(patient.id, 'application_scheduled', 'c-7'), undefined);
        const updated = await store.notifications.update(entry.id, { data: { consultationId: 'c-7', messages: 2 }, createdAt: '2027-02-01T00:00:00.000Z' });
        assert.equal(updated.data.messages, 2);
        const marked = await store.notifications.markReadAbout(patient.id, 'message_received', 'c-7', '2027-02-02T00:00:00.000Z');
        assert.deepEqual(marked.map((n) => [n.id, n.readAt, n.data.messages]), [[entry.id, '2027-02-02T00:00:00.000Z', 2]]);
        assert.equal(await store.notifications.findUnreadAbout(patient.id, 'message_received', 'c-7'), undefined);
        assert.equal(await store.notifications.countUnread(patient.id), 1, 'c-8 stays unread');
      });

      it('keeps the latest last-seen time of a user', async () => {
        const { patient } = await patientAndDoctor(store);
        assert.equal(await store.presence.lastSeen(patient.id), undefined);
        await store.presence.seen(patient.id, '2027-03-01T10:00:00.000Z');
        await store.presence.seen(patient.id, '2027-03-01T09:00:00.000Z');
        assert.equal(await store.presence.lastSeen(patient.id), '2027-03-01T10:00:00.000Z');
        await store.presence.seen(patient.id, '2027-03-01T10:05:00.000Z');
        assert.equal(await store.presence.lastSeen(patient.id), '2027-03-01T10:05:00.000Z');
      });

      it('deletes one user\'s notifications, unread markers and last-seen, nobody else\'s (an erased account)', async () => {
        const { patient, doctor } = await patientAndDoctor(store);
        const consultation = consultationRecord(patient.id, doctor.id, { startsAt: '2027-08-01T10:00:00.000Z' });
        await store.consultations.insert(consultation);
        for (const userId of [patient.id, patient.id, doctor.id]) await store.notifications.insert(notificationRecord(userId));
        for (const userId of [patient.id, doctor.id]) {
          await store.chatUnread.addUnread(consultation.id, userId, '2027-07-01T10:00:00.000Z');
          await store.presence.seen(userId, '2027-07-01T10:00:00.000Z');
        }
        await store.transaction(async (tx) => {
          assert.equal(await tx.notifications.deleteByUser(patient.id), 2);
          assert.equal(await tx.chatUnread.deleteByUser(patient.id), 1);
          await tx.presence.forget(patient.id);
        });
        assert.deepEqual((await store.notifications.pageByUser(patient.id, { limit: 10 })).items, []);
        assert.deepEqual(await store.chatUnread.findByUser(patient.id, [consultation.id]), []);
        assert.equal(await store.presence.lastSeen(patient.id), undefined);
        assert.equal((await store.notifications.pageByUser(doctor.id, { limit: 10 })).items.length, 1);
        assert.equal((await store.chatUnread.findByUser(doctor.id, [consultation.id])).length, 1);
        assert.equal(await store.presence.lastSeen(doctor.id), '2027-07-01T10:00:00.000Z');
        assert.equal(await store.notifications.deleteByUser(patient.id), 0, 'outside a transaction too');
      });
    });

    describe('transactions', () => {
      it('writes all of a transaction or nothing of it', async () => {
        const kept = userRecord();
        const lost = userRecord();
        await store.users.insert(kept);
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.users.insert(lost);
            await tx.users.update(kept.id, { fullName: 'changed' });
            await tx.users.insert(userRecord({ phone: kept.phone })); // a duplicate phone
          }),
          duplicate('phone'),
        );
        assert.equal(await store.users.findById(lost.id), undefined);
        assert.equal((await store.users.findById(kept.id))?.fullName, kept.fullName);
        await assert.rejects(store.transaction(async () => Promise.reject(new Error('a service said no'))), /a service said no/);
      });

      it('loses no update when transactions read and write the same record at once', async () => {
        const user = userRecord({ fullName: '' });
        await store.users.insert(user);
        await Promise.all(
          Array.from({ length: 20 }, () =>
            store.transaction(async (tx) => {
              const current = (await tx.users.findById(user.id))!;
              await tx.users.update(user.id, { fullName: `${current.fullName}x` });
            }),
          ),
        );
        assert.equal((await store.users.findById(user.id))?.fullName, 'x'.repeat(20));
      });

      it('books a free slot once when many try at the same moment', async () => {
        const { doctor } = await patientAndDoctor(store);
        const slot = slotRecord(doctor.id, { startsAt: '2032-01-01T07:00:00.000Z' });
        await store.dutySlots.insert(slot);
        const patients = Array.from({ length: 30 }, () => userRecord());
        for (const patient of patients) await store.users.insert(patient);
        const results = await Promise.allSettled(
          patients.map((patient) =>
            store.transaction(async (tx) => {
              const current = await tx.dutySlots.findByIdForUpdate(slot.id);
              assert.equal(current?.id, slot.id);
              if (current?.consultationId) throw new Error('taken');
              const consultation = consultationRecord(patient.id, doctor.id, { slotId: slot.id, startsAt: slot.startsAt, durationMinutes: slot.durationMinutes });
              await tx.consultations.insert(consultation);
              await tx.dutySlots.update(slot.id, { consultationId: consultation.id });
              return consultation.id;
            }),
          ),
        );
        const booked = results.filter((result) => result.status === 'fulfilled');
        assert.equal(booked.length, 1);
        assert.equal((await store.dutySlots.findById(slot.id))?.consultationId, (booked[0] as PromiseFulfilledResult<string>).value);
      });
    });
  });
}
