import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { DurableJsonFile } from '../../adapters/store/durable-json-file.ts';
import { checkStoreShape, STORE_FILE_NAME } from '../../adapters/store/lowdb-store.ts';
import { COLLECTIONS, type StoreData } from '../../adapters/store/lowdb-repositories.ts';
import { UsageError } from '../command.ts';

export const storeFileOf = (dataDir: string): string => join(dataDir, STORE_FILE_NAME);
export const filesDirOf = (dataDir: string): string => join(dataDir, 'files');

/**
 * The store file as one committed state, or null when there is none. Needs no lock: the server
 * replaces the file by rename, so one read sees one whole state, before or after a write.
 */
export async function readStoreFile(dataDir: string): Promise<StoreData | null> {
  const file = storeFileOf(dataDir);
  const data = await new DurableJsonFile<unknown>(file).read();
  if (data === null) return null;
  checkStoreShape(data, file);
  return data;
}

/** Records per collection; a collection an older file lacks counts 0. */
export function countRecords(data: StoreData): Record<string, number> {
  return Object.fromEntries(COLLECTIONS.map((name) => [name, (data[name] as unknown[] | undefined)?.length ?? 0]));
}

/** "1 record", "3 records". */
export const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const totalRecords = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, count) => sum + count, 0);

/**
 * backup and restore handle the embedded store and OZ_DATA_DIR/files only; a deployment on
 * PostgreSQL or S3 is backed up with those systems' own tools, which this message names.
 */
export function refuseUnlessEmbedded(config: Pick<Config, 'databaseUrl' | 's3' | 'dataDir'>, command: 'backup' | 'restore'): void {
  if (!config.databaseUrl && !config.s3) return;
  const lines = [`${command} works on the embedded store in OZ_DATA_DIR and its files in OZ_DATA_DIR/files, which this deployment does not use:`];
  if (config.databaseUrl) {
    lines.push(
      '  DATABASE_URL is set, so the records are in PostgreSQL. Back them up with PostgreSQL\'s own tool, consistent while the servers run:',
      '    pg_dump -Fc "$DATABASE_URL" > oz.dump',
      '  and restore with: pg_restore --clean --dbname="$DATABASE_URL" oz.dump',
    );
  }
  if (config.s3) {
    lines.push(`  OZ_S3_BUCKET is set, so the documents' files are in the bucket "${config.s3.bucket}": keep them with the storage's own versioning or replication.`);
  } else {
    lines.push(`  The documents' files are in ${filesDirOf(config.dataDir)}: copy that folder with the dump.`);
  }
  lines.push('Nothing was read or written.');
  throw new UsageError(lines.join('\n'));
}
