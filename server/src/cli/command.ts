import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: exit code 2 and the message, no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Where a long command reports how far it got; the final report is its return value. */
export type Progress = (line: string) => void;

export type Command = (args: string[], env: NodeJS.ProcessEnv, progress: Progress) => Promise<string>;

/** node:util's parseArgs with its complaints as a UsageError that ends with the help text. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, help: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${help}`);
  }
}

/** Like parseOptions, for commands that take exactly one file name besides their options. */
export function parseOptionsAndFile<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, help: string, whenMissing: string) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${help}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError(whenMissing);
  if (extra.length > 0) throw new UsageError(`Give one file name; also got ${extra.map((name) => `"${name}"`).join(', ')}.\n\n${help}`);
  return { values: parsed.values, file };
}
