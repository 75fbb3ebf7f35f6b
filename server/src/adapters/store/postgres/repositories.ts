import type { ConsultationPageRequest, StoreRepositories, TimeRange } from '../../../ports/store.ts';
import {
  applicationsTable,
  chatUnreadTable,
  conclusionsTable,
  consultationsTable,
  documentsTable,
  dutySlotsTable,
  messagesTable,
  auditTable,
  notificationsTable,
  presenceTable,
  phoneCodesTable,
  recordToRow,
  tokensTable,
  usersTable,
} from './rows.ts';
import { run, tableAccess } from './table-access.ts';
import { insertMany } from './bulk-insert.ts';
import { translateError } from './errors.ts';
import type { SqlQueryable } from './sql.ts';

/** `AND starts_at >= $n AND starts_at < $m` for the ends of the range that are given. */
function rangeCondition(range: TimeRange, params: unknown[]): string {
  let sql = '';
  if (range.from !== undefined) {
    params.push(range.from);
    sql += ` AND starts_at >= $${params.length}`;
  }
  if (range.to !== undefined) {
    params.push(range.to);
    sql += ` AND starts_at < $${params.length}`;
  }
  return sql;
}

/** The port's repositories in SQL over one connection (a transaction's) or the pool (autocommit reads). */
export function postgresRepositories(db: SqlQueryable): StoreRepositories {
  const users = tableAccess(db, usersTable, 'user');
  const tokens = tableAccess(db, tokensTable, 'token');
  const phoneCodes = tableAccess(db, phoneCodesTable, 'phone code');
  const documents = tableAccess(db, documentsTable, 'document');
  const applications = tableAccess(db, applicationsTable, 'application');
  const consultations = tableAccess(db, consultationsTable, 'consultation');
  const conclusions = tableAccess(db, conclusionsTable, 'conclusion', 'consultationId');
  const notifications = tableAccess(db, notificationsTable, 'notification');
  const dutySlots = tableAccess(db, dutySlotsTable, 'duty slot');
  const messages = tableAccess(db, messagesTable, 'message');
  const chatUnread = tableAccess(db, chatUnreadTable, 'chat', 'consultationId');
  const presence = tableAccess(db, presenceTable, 'presence', 'userId');
  const audit = tableAccess(db, auditTable, 'audit entry');
  const unreadAbout = "user_id = $1 AND kind = $2 AND read_at IS NULL AND data->>'consultationId' = $3";
  // One rule for listing and for claiming: unread, a message after the last SMS, that SMS an hour old.
  const smsDue = (smsBefore: string) => `count > 0 AND (sms_at IS NULL OR (sms_at < last_message_at AND sms_at < ${smsBefore}))`;

  const pageConsultations = (column: 'patient_id' | 'doctor_id', id: string, page: ConsultationPageRequest) => {
    const params: unknown[] = [id];
    const where = `${column} = $1${rangeCondition(page, params)}`;
    return consultations.page(where, params, 'starts_at', page.order ?? 'asc', page);
  };

  return {
    users: {
      findById: (id) => users.findByKey(id),
      findByPhone: (phone) => users.find('phone = $1', [phone]),
      findByIds: async (ids) => (ids.length === 0 ? [] : users.findMany('id = ANY($1::text[])', [[...new Set(ids)]])),
      count: () => users.count('true', []),
      // Sorted here as lowdb sorts (Russian collation of JS), not by the database's locale.
      listStaff: async () =>
        (await users.findMany("role <> 'patient'", [])).sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru') || a.id.localeCompare(b.id)),
      insert: (user) => users.insert(user),
      update: (id, changes) => users.update(id, changes),
    },
    tokens: {
      insert: (token) => tokens.insert(token),
      findByHash: (tokenHash) => tokens.find('token_hash = $1', [tokenHash]),
      findById: (id) => tokens.findByKey(id),
      revoke: async (id, at) => {
        await run(db, 'UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
      },
      revokeAllForUser: async (userId, at, keepId) =>
        (await run(db, 'UPDATE tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $3', [userId, at, keepId ?? null]))
          .rowCount ?? 0,
      purge: (before) => tokens.remove('expires_at < $1 OR revoked_at < $1', [before]),
    },
    phoneCodes: {
      findByIdForUpdate: (id) => phoneCodes.findByKeyForUpdate(id),
      put: async (code) => {
        // One statement: two instances sending a code to one phone at once replace each other, never clash on the key.
        const { columns, values } = recordToRow(phoneCodesTable, code);
        const updates = columns.filter((column) => column !== 'id').map((column) => `${column} = EXCLUDED.${column}`);
        await run(
          db,
          `INSERT INTO phone_codes (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
          values,
        );
      },
      update: (id, changes) => phoneCodes.update(id, changes),
      delete: async (id) => {
        await phoneCodes.remove('id = $1', [id]);
      },
      purge: (before) => phoneCodes.remove('expires_at < $1', [before]),
    },
    documents: {
      insert: (document) => documents.insert(document),
      findById: (id) => documents.findByKey(id),
      listByOwner: (ownerId) => documents.findMany('owner_id = $1', [ownerId], 'ORDER BY uploaded_at DESC, seq DESC'),
      delete: async (id) => {
        await documents.remove('id = $1', [id]);
      },
    },
    applications: {
      insert: (application) => applications.insert(application),
      findById: (id) => applications.findByKey(id),
      update: (id, changes) => applications.update(id, changes),
      listByPatient: (patientId) => applications.findMany('patient_id = $1', [patientId], 'ORDER BY created_at DESC, seq DESC'),
      findWaiting: (patientId, centerId) => applications.find("patient_id = $1 AND center_id = $2 AND status = 'submitted'", [patientId, centerId]),
      pageByCenter: (centerId, status, page) =>
        status
          ? applications.page('center_id = $1 AND status = $2', [centerId, status], 'created_at', 'asc', page)
          : applications.page('center_id = $1', [centerId], 'created_at', 'asc', page),
    },
    consultations: {
      insert: (consultation) => consultations.insert(consultation),
      findById: (id) => consultations.findByKey(id),
      update: (id, changes) => consultations.update(id, changes),
      pageByPatient: (patientId, page) => pageConsultations('patient_id', patientId, page),
      pageByDoctor: (doctorId, page) => pageConsultations('doctor_id', doctorId, page),
      findScheduledOverlapping: (doctorId, startsAt, endsAt) =>
        // The same expression as the exclusion constraint, so its GiST index answers this.
        consultations.find("doctor_id = $1 AND status = 'scheduled' AND tstzrange(starts_at, ends_at) && tstzrange($2, $3)", [doctorId, startsAt, endsAt], 'ORDER BY starts_at'),
      countUpcomingDuty: (patientId, after) =>
        consultations.count("patient_id = $1 AND kind = 'duty' AND status = 'scheduled' AND starts_at > $2", [patientId, after]),
      existsWith: async (patientId, doctorId) =>
        (await run(db, 'SELECT 1 FROM consultations WHERE patient_id = $1 AND doctor_id = $2 LIMIT 1', [patientId, doctorId])).rows.length > 0,
    },
    conclusions: {
      insert: (conclusion) => conclusions.insert(conclusion),
      findByConsultation: (consultationId) => conclusions.findByKey(consultationId),
      findByConsultations: async (ids) => (ids.length === 0 ? [] : conclusions.findMany('consultation_id = ANY($1::text[])', [[...new Set(ids)]])),
    },
    notifications: {
      insert: (notification) => notifications.insert(notification),
      pageByUser: (userId, page) => notifications.page('user_id = $1', [userId], 'created_at', 'desc', page),
      countUnread: (userId) => notifications.count('user_id = $1 AND read_at IS NULL', [userId]),
      markRead: async (id, userId, at) => {
        await run(db, 'UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2', [id, userId, at]);
        return notifications.find('id = $1 AND user_id = $2', [id, userId]);
      },
      findUnreadAbout: (userId, kind, consultationId) => notifications.find(unreadAbout, [userId, kind, consultationId]),
      update: (id, changes) => notifications.update(id, changes),
      markReadAbout: async (userId, kind, consultationId, at) => {
        const { rows } = await run<{ id: string }>(db, `UPDATE notifications SET read_at = $4 WHERE ${unreadAbout} RETURNING id`, [userId, kind, consultationId, at]);
        return rows.length === 0 ? [] : notifications.findMany('id = ANY($1::text[])', [rows.map((row) => row.id)]);
      },
      deleteByUser: (userId) => notifications.remove('user_id = $1', [userId]),
    },
    dutySlots: {
      insert: (slot) => dutySlots.insert(slot),
      findById: (id) => dutySlots.findByKey(id),
      findByIdForUpdate: (id) => dutySlots.findByKeyForUpdate(id),
      update: (id, changes) => dutySlots.update(id, changes),
      delete: async (id) => {
        await dutySlots.remove('id = $1', [id]);
      },
      pageFree: (range, centerId, page) => {
        const params: unknown[] = [];
        let where = `consultation_id IS NULL${rangeCondition(range, params)}`;
        if (centerId) {
          params.push(centerId);
          where += ` AND center_id = $${params.length}`;
        }
        return dutySlots.page(where, params, 'starts_at', 'asc', page);
      },
      pageByDoctor: (doctorId, range, page) => {
        const params: unknown[] = [doctorId];
        return dutySlots.page(`doctor_id = $1${rangeCondition(range, params)}`, params, 'starts_at', 'asc', page);
      },
      findOverlapping: (doctorId, startsAt, endsAt) =>
        dutySlots.find('doctor_id = $1 AND tstzrange(starts_at, ends_at) && tstzrange($2, $3)', [doctorId, startsAt, endsAt], 'ORDER BY starts_at'),
    },
    audit: {
      append: async (entries) => {
        if (entries.length === 0) return;
        try {
          await insertMany(db, auditTable, entries);
        } catch (error) {
          throw translateError(error);
        }
      },
      pageByPatient: (patientId, page, exceptActor) =>
        exceptActor === undefined
          ? audit.page('patient_id = $1', [patientId], 'at', 'desc', page)
          : audit.page('patient_id = $1 AND actor_id <> $2', [patientId, exceptActor], 'at', 'desc', page),
    },
    messages: {
      insert: (message) => messages.insert(message),
      pageByConsultation: (consultationId, page) => messages.page('consultation_id = $1', [consultationId], 'created_at', 'desc', page),
    },
    chatUnread: {
      addUnread: async (consultationId, userId, at) => {
        await run(
          db,
          `INSERT INTO chat_unread (consultation_id, user_id, count, last_message_at) VALUES ($1, $2, 1, $3)
           ON CONFLICT (consultation_id, user_id) DO UPDATE SET count = chat_unread.count + 1, last_message_at = GREATEST(chat_unread.last_message_at, $3)`,
          [consultationId, userId, at],
        );
        return (await chatUnread.find('consultation_id = $1 AND user_id = $2', [consultationId, userId]))!;
      },
      markChatRead: async (consultationId, userId) => {
        const { rows } = await run<{ was: number }>(
          db,
          'UPDATE chat_unread AS now SET count = 0 FROM chat_unread AS before WHERE now.consultation_id = $1 AND now.user_id = $2 AND before.consultation_id = now.consultation_id AND before.user_id = now.user_id RETURNING before.count AS was',
          [consultationId, userId],
        );
        return Number(rows[0]?.was ?? 0);
      },
      findByUser: async (userId, ids) =>
        ids.length === 0 ? [] : chatUnread.findMany('user_id = $1 AND consultation_id = ANY($2::text[])', [userId, [...new Set(ids)]]),
      listSmsDue: (messagedAfter, smsBefore, limit) =>
        chatUnread.findMany(`last_message_at > $1 AND ${smsDue('$2')}`, [messagedAfter, smsBefore], `ORDER BY last_message_at LIMIT ${Math.max(1, Math.floor(limit))}`),
      claimSms: async (consultationId, userId, at, smsBefore) =>
        ((await run(db, `UPDATE chat_unread SET sms_at = $3 WHERE consultation_id = $1 AND user_id = $2 AND ${smsDue('$4')}`, [consultationId, userId, at, smsBefore]))
          .rowCount ?? 0) > 0,
      deleteByUser: (userId) => chatUnread.remove('user_id = $1', [userId]),
    },
    presence: {
      seen: async (userId, at) => {
        await run(
          db,
          'INSERT INTO presence (user_id, seen_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET seen_at = GREATEST(presence.seen_at, $2)',
          [userId, at],
        );
      },
      lastSeen: async (userId) => (await presence.findByKey(userId))?.seenAt,
      forget: async (userId) => {
        await presence.remove('user_id = $1', [userId]);
      },
    },
  };
}
