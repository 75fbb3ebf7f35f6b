import type { DocumentRecord } from '../../ports/store.ts';
import { COLLECTIONS, type StoreData } from '../../adapters/store/lowdb-repositories.ts';
import {
  applicationsTable,
  chatUnreadTable,
  conclusionsTable,
  consultationsTable,
  documentsTable,
  dutySlotsTable,
  messagesTable,
  notificationsTable,
  phoneCodesTable,
  presenceTable,
  auditTable,
  tokensTable,
  usersTable,
  type Table,
} from '../../adapters/store/postgres/rows.ts';

/** A copy that cannot go ahead for a reason the operator can act on: exit code 2, nothing written. */
export class StoreCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreCopyError';
  }
}

type Collection = (typeof COLLECTIONS)[number];
type StoredRecord = { seq: number } & Record<string, unknown>;

/** Parents before children, as the foreign keys of 001.do.store.sql ask. */
const COPY_ORDER = [
  { collection: 'users', label: 'users', table: usersTable },
  { collection: 'tokens', label: 'sessions', table: tokensTable },
  { collection: 'phoneCodes', label: 'SMS codes', table: phoneCodesTable },
  { collection: 'documents', label: 'documents', table: documentsTable },
  { collection: 'applications', label: 'applications', table: applicationsTable },
  { collection: 'consultations', label: 'consultations', table: consultationsTable },
  { collection: 'dutySlots', label: 'duty slots', table: dutySlotsTable },
  { collection: 'conclusions', label: 'conclusions', table: conclusionsTable },
  { collection: 'messages', label: 'messages', table: messagesTable },
  { collection: 'notifications', label: 'notifications', table: notificationsTable },
  { collection: 'chatUnread', label: 'unread chat marks', table: chatUnreadTable },
  { collection: 'presence', label: 'last-seen times', table: presenceTable },
  { collection: 'audit', label: 'audit entries', table: auditTable },
] as const satisfies readonly { collection: Collection; label: string; table: Table<never> }[];

// A collection added to the embedded store without a place here stops the build, not a copy.
type Uncopied = Exclude<Collection, (typeof COPY_ORDER)[number]['collection']>;
const everyCollectionIsCopied: [Uncopied] extends [never] ? true : Uncopied = true;
void everyCollectionIsCopied;

export interface PlannedTable {
  label: string;
  table: Table<StoredRecord>;
  /** What goes over, in write order (by seq). */
  records: StoredRecord[];
  /** Why some records of the embedded store stay behind, when some do. */
  leftOut?: string;
}

export interface CopyPlan {
  /** What the copy changed on the way, for the report (records older versions wrote that the schema's rules refuse). */
  adjustments: string[];
  tables: PlannedTable[];
  /** 152-FZ consents live inside the users; counted on their own because the law asks for them. */
  consents: number;
  documents: DocumentRecord[];
  total: number;
}

/**
 * What the copy writes: every record of every collection, except sessions that can no longer be
 * used (expired or revoked): they let nobody in and the server would purge them anyway.
 * Refuses what would silently lose data: a collection or a field the tables have no place for.
 */
export function planCopy(data: StoreData, now: Date): CopyPlan {
  refuseUnknownCollections(data);
  const adjustments = adjustToSchemaRules(data, now);
  const tables: PlannedTable[] = COPY_ORDER.map(({ collection, label, table }) => {
    const all = [...(data[collection] as unknown as StoredRecord[])].sort((a, b) => a.seq - b.seq);
    refuseUnknownFields(collection, table as unknown as Table<StoredRecord>, all);
    if (collection !== 'tokens') return { label, table: table as unknown as Table<StoredRecord>, records: all };
    const live = all.filter((token) => !token.revokedAt && Date.parse(String(token.expiresAt)) > now.getTime());
    const dropped = all.length - live.length;
    return {
      label,
      table: table as unknown as Table<StoredRecord>,
      records: live,
      leftOut: `live sessions only, so people stay signed in${dropped > 0 ? `; ${dropped} expired or revoked left out` : ''}`,
    };
  });
  return {
    adjustments,
    tables,
    consents: data.users.filter((user) => user.consent).length,
    documents: data.documents,
    total: tables.reduce((sum, planned) => sum + planned.records.length, 0),
  };
}

/**
 * Records that older versions wrote and the schema's rules now refuse, brought in line (in the
 * copy only; oz-store.json stays as it was): consultations from before `channel` existed are
 * video ones; and an earlier referral import could leave a patient waiting twice at one center,
 * where one application waits now: the first filed keeps its place in the queue, the later ones
 * are withdrawn, and the report names them.
 */
function adjustToSchemaRules(data: StoreData, now: Date): string[] {
  const adjustments: string[] = [];
  let channels = 0;
  for (const consultation of data.consultations) {
    if (consultation.channel) continue;
    consultation.channel = 'video';
    channels += 1;
  }
  if (channels > 0) adjustments.push(`${channels} consultation${channels === 1 ? '' : 's'} from before the channel was recorded marked as video`);
  const waiting = new Map<string, typeof data.applications>();
  for (const application of data.applications) {
    if (application.status !== 'submitted') continue;
    const key = `${application.patientId}|${application.centerId}`;
    waiting.set(key, [...(waiting.get(key) ?? []), application]);
  }
  const withdrawn: string[] = [];
  for (const applications of waiting.values()) {
    const [, ...later] = applications.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.seq - b.seq));
    for (const application of later) {
      application.status = 'cancelled';
      application.updatedAt = now.toISOString();
      withdrawn.push(application.id);
    }
  }
  if (withdrawn.length > 0) {
    adjustments.push(
      `${withdrawn.length} application${withdrawn.length === 1 ? '' : 's'} waiting a second time at the same center withdrawn (the first filed keeps its place): ${withdrawn.join(', ')}`,
    );
  }
  return adjustments;
}

function refuseUnknownCollections(data: StoreData): void {
  const known = new Set<string>(['schemaVersion', 'nextSeq', ...COLLECTIONS]);
  const unknown = Object.entries(data).filter(([name, value]) => !known.has(name) && !(Array.isArray(value) && value.length === 0));
  if (unknown.length > 0) {
    throw new StoreCopyError(
      `The embedded store holds ${unknown.map(([name]) => `"${name}"`).join(', ')}, which this version cannot copy to PostgreSQL. ` +
        'Nothing was written: update the server (npm run oz comes with it) and run the copy again.',
    );
  }
}

function refuseUnknownFields(collection: Collection, table: Table<StoredRecord>, records: StoredRecord[]): void {
  const known = new Set<string>(['seq', ...table.columns.map((column) => column.field)]);
  if (collection === 'users') known.add('consent');
  const unknown = new Map<string, number>();
  for (const record of records) {
    for (const [field, value] of Object.entries(record)) {
      if (!known.has(field) && value !== undefined) unknown.set(field, (unknown.get(field) ?? 0) + 1);
    }
  }
  if (unknown.size > 0) {
    const fields = [...unknown].map(([field, count]) => `${collection}.${field} (${count} records)`).join(', ');
    throw new StoreCopyError(`The PostgreSQL tables have no place for ${fields}: copying would lose them. Nothing was written.`);
  }
}
