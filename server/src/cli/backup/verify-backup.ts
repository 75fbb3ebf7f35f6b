import { checkStoreShape } from '../../adapters/store/lowdb-store.ts';
import { SCHEMA_VERSION, type StoreData } from '../../adapters/store/lowdb-repositories.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, isKnownMember, keyOfFileMember, Manifest, MANIFEST_MEMBER, STORE_MEMBER, type Member } from './archive-format.ts';
import { openArchive, type OpenArchive } from './archive-reader.ts';
import { countRecords } from './embedded-store.ts';

/** A manifest lists a member per file, so even 100,000 documents stay far below this. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface VerifiedBackup {
  archive: OpenArchive;
  manifest: Manifest;
  store: StoreData;
  /** The files to restore: member, storage key, expected size and SHA-256. */
  files: (Member & { key: string })[];
}

/**
 * Reads the whole backup once and checks it before anything is written: the manifest, every
 * member's size and SHA-256, the store file's shape and counts, and that the files are exactly
 * those its documents name. Any doubt is a BackupError; the caller closes `archive`.
 */
export async function verifyBackup(path: string): Promise<VerifiedBackup> {
  let archive: OpenArchive;
  try {
    archive = await openArchive(path);
  } catch (error) {
    throw damaged(path, `it is not a readable ZIP file (${(error as Error).message})`, error);
  }
  try {
    const manifest = await readManifest(archive, path);
    const { store, files } = await checkMembers(archive, manifest, path);
    return { archive, manifest, store, files };
  } catch (error) {
    archive.close();
    if (error instanceof BackupError) throw error;
    throw damaged(path, (error as Error).message, error);
  }
}

async function readManifest(archive: OpenArchive, path: string): Promise<Manifest> {
  const entry = archive.entries.get(MANIFEST_MEMBER);
  if (!entry) throw damaged(path, `it has no ${MANIFEST_MEMBER}, so it is not a backup made by npm run oz -- backup`);
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) throw damaged(path, `its ${MANIFEST_MEMBER} is too large to be one`);
  const { bytes } = await archive.readMemberBytes(MANIFEST_MEMBER);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw damaged(path, `its ${MANIFEST_MEMBER} is not valid JSON`, error);
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== BACKUP_FORMAT) throw damaged(path, `its ${MANIFEST_MEMBER} is not that of a backup made by npm run oz -- backup`);
  if (typeof format.formatVersion === 'number' && format.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${path} was made by a newer version of the server (backup format ${format.formatVersion}); restore it with that version. Nothing was changed.`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw damaged(path, `its ${MANIFEST_MEMBER} does not describe a backup (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

async function checkMembers(archive: OpenArchive, manifest: Manifest, path: string): Promise<{ store: StoreData; files: VerifiedBackup['files'] }> {
  if (archive.duplicates.length > 0) throw damaged(path, `it holds ${archive.duplicates[0]} twice`);
  const listed = new Map(manifest.members.map((member) => [member.name, member]));
  if (listed.size !== manifest.members.length) throw damaged(path, 'its manifest lists a member twice');
  for (const name of archive.entries.keys()) {
    if (name !== MANIFEST_MEMBER && !listed.has(name)) throw damaged(path, `it holds ${name}, which its manifest does not list`);
  }
  for (const member of manifest.members) {
    if (!isKnownMember(member.name) || member.name === MANIFEST_MEMBER) throw damaged(path, `its manifest lists ${member.name}, which no backup holds`);
    if (!archive.entries.has(member.name)) throw damaged(path, `${member.name} is missing`);
  }
  if (!listed.has(STORE_MEMBER)) throw damaged(path, `it has no ${STORE_MEMBER}`);

  const { member: storeRead, bytes: storeBytes } = await archive.readMemberBytes(STORE_MEMBER);
  sameAsListed(storeRead, listed.get(STORE_MEMBER)!, path);
  const files: VerifiedBackup['files'] = [];
  for (const member of manifest.members) {
    const key = keyOfFileMember(member.name);
    if (!key) continue;
    sameAsListed(await archive.readMember(member.name), member, path);
    files.push({ ...member, key });
  }

  let store: unknown;
  try {
    store = JSON.parse(storeBytes.toString('utf8'));
  } catch (error) {
    throw damaged(path, `its ${STORE_MEMBER} is not valid JSON`, error);
  }
  const version = (store as Partial<StoreData> | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new BackupError(`${path} holds a store of a newer version of the server (schema ${version}); restore it with that version. Nothing was changed.`);
  }
  try {
    checkStoreShape(store, `${path}:${STORE_MEMBER}`);
  } catch (error) {
    throw damaged(path, `its ${STORE_MEMBER} is not a store this version can open`, error);
  }
  checkAgreement(store, manifest, files, path);
  return { store, files };
}

function sameAsListed(read: Member, listed: Member, path: string): void {
  if (read.bytes !== listed.bytes || read.sha256 !== listed.sha256) {
    throw damaged(path, `${read.name} is not what was backed up (${read.bytes} bytes, SHA-256 ${read.sha256.slice(0, 12)}…; the manifest says ${listed.bytes} bytes, ${listed.sha256.slice(0, 12)}…)`);
  }
}

/** The counts the manifest promises, and the files: one per document, none without one. */
function checkAgreement(store: StoreData, manifest: Manifest, files: VerifiedBackup['files'], path: string): void {
  const counts = countRecords(store);
  for (const [name, count] of Object.entries(counts)) {
    if ((manifest.records[name] ?? 0) !== count) throw damaged(path, `its store holds ${count} ${name}, the manifest says ${manifest.records[name] ?? 0}`);
  }
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  if (files.length !== manifest.files.count || bytes !== manifest.files.bytes) throw damaged(path, 'its files do not add up to what the manifest says');
  const named = new Set((store.documents ?? []).map((document) => document.storageKey));
  const held = new Set(files.map((file) => file.key));
  const missing = new Set(manifest.missingFiles);
  const unexplained = [...named].filter((key) => !held.has(key) && !missing.has(key));
  if (unexplained.length > 0) throw damaged(path, `${unexplained.length} of its documents have no file in it`);
  const unnamed = [...held].filter((key) => !named.has(key));
  if (unnamed.length > 0) throw damaged(path, `it holds ${unnamed.length} files no document names`);
}

function damaged(path: string, reason: string, cause?: unknown): BackupError {
  return new BackupError(`Cannot restore ${path}: ${reason}. The backup is damaged or not one of this program's; nothing was changed.`, cause === undefined ? undefined : { cause });
}
