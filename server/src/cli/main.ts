import { ConfigError } from '../config.ts';
import { DomainError } from '../services/domain-error.ts';
import { UsageError, type Command, type Progress } from './command.ts';
import { staffAdd } from './staff-add.ts';
import { staffDisable, staffEnable, staffList, staffPassword } from './staff-manage.ts';
import { storeCopy } from './store-copy/store-copy.ts';
import { backup } from './backup/backup.ts';
import { restore } from './backup/restore.ts';

export { UsageError } from './command.ts';

const HELP = `Oblako Zdorovya administration

Usage:
  npm run oz -- staff add --role doctor|manager --phone PHONE --password PASSWORD --name "FULL NAME"
                          [--center bakulev|kulakov] [--duty]
  npm run oz -- staff list
  npm run oz -- staff disable PHONE | enable PHONE | password PHONE
  npm run oz -- store copy --to DATABASE_URL [--files-to-s3]
  npm run oz -- backup FILE [--force]
  npm run oz -- restore FILE [--force]
  npm run oz -- help

The commands use the deployment's configuration (the same environment as the server).
With DATABASE_URL set they work on PostgreSQL, beside running servers. Without it they work on
the embedded store in OZ_DATA_DIR (default .data): stop the server first, since the embedded
store allows one process at a time, and the command says so if the server is running (backup
only reads, and runs beside the server).

staff add
  --role      doctor (needs --center) or manager
  --center    the doctor's medical center: bakulev or kulakov
  --duty      the doctor also takes duty-schedule consultations
  --phone     sign-in phone, any common spelling: "8 (921) 123-45-67", +79211234567
  --password  at least 8 characters
  --name      full name as patients will see it

staff list
  Every doctor and manager: phone, role, center, duty flag, active or disabled, name.

staff disable PHONE
  The person cannot sign in any more and every session of theirs ends at once (open pages, live
  notifications and video calls too, on every server instance). Lists their open consultations,
  which need another doctor. Their conclusions and the audit trail keep their name.

staff enable PHONE
  Lets a disabled account sign in again (with its old password).

staff password PHONE
  Sends a new one-time password by SMS (OZ_SMS_URL, or the outbox file); the old password and
  every session stop working; the person chooses their own at the next sign-in.

store copy
  Moves the embedded store in OZ_DATA_DIR (stop the server first) into an empty PostgreSQL
  database: every record in one transaction, keeping ids and write order, then compares the
  counts of each table. Live sessions are copied, so people stay signed in; expired and revoked
  ones are not. The store file is only read: keep it as a backup.
  --to           the new database, e.g. postgres://oz@db.example.ru:5432/oz; it must have no users
  --files-to-s3  also upload the documents' files from OZ_DATA_DIR/files to the bucket that
                 OZ_S3_* names, checking each; without it the files stay in OZ_DATA_DIR/files
                 and the new deployment needs the same OZ_DATA_DIR

backup FILE
  Writes the embedded store in OZ_DATA_DIR and its documents' files to one ZIP file, while the
  server runs: one committed state of the store, the files its documents name, and a manifest
  with the SHA-256 of each. A document deleted meanwhile is left out and named. The file appears
  only when complete; it holds personal data, so keep it as safe as the server.
  --force  replace FILE if it exists (without it an existing file is left alone)
  With DATABASE_URL or OZ_S3_BUCKET set it refuses: use pg_dump -Fc "$DATABASE_URL" > oz.dump
  and the bucket's own versioning or replication.

restore FILE
  Puts a backup into the embedded store in OZ_DATA_DIR (stop the server first). Checks the whole
  file (manifest and every SHA-256) before it changes anything, writes the files, then replaces
  the store file in one step.
  --force  replace a store that holds records; the old one is kept as
           oz-store.json.before-restore-<time>, and no file in OZ_DATA_DIR/files is deleted`;

const COMMANDS: Record<string, Command> = {
  'staff add': staffAdd(HELP),
  'staff list': staffList(HELP),
  'staff disable': staffDisable(HELP),
  'staff enable': staffEnable(HELP),
  'staff password': staffPassword(HELP),
  'store copy': storeCopy(HELP),
  backup: backup(HELP),
  restore: restore(HELP),
};

const toStderr: Progress = (line) => process.stderr.write(`${line}\n`);

/** Runs one command; resolves with its report, rejects with UsageError & co. for an exit code 2. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, progress: Progress = toStderr): Promise<string> {
  const [group, action, ...rest] = argv;
  if (!group || group === 'help' || group === '--help' || group === '-h') return HELP;
  // Two-word commands (staff add) take the rest as arguments; one-word ones (backup FILE) all after the word.
  const twoWords = `${group} ${action ?? ''}`;
  if (Object.hasOwn(COMMANDS, twoWords)) return COMMANDS[twoWords]!(rest, env, progress);
  if (Object.hasOwn(COMMANDS, group)) return COMMANDS[group]!(argv.slice(1), env, progress);
  throw new UsageError(`Unknown command "${argv.join(' ')}".\n\n${HELP}`);
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (output) => console.log(output),
    (error: unknown) => {
      const expected = error instanceof UsageError || error instanceof ConfigError || error instanceof DomainError || /Store|DataDir|Database|Backup/.test((error as Error).name);
      console.error(expected ? (error as Error).message : error);
      process.exit(expected ? 2 : 1);
    },
  );
}
