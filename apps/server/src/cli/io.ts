/** What the command-line commands share: errors with an exit code, reading a secret, paths, the database. */
import { resolve } from 'node:path';
import { DatabaseVersionError, GroupCommit, openDb, Store, type OpenedDb } from '@parla/db';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { PARLA_VERSION } from '../version.ts';
import { defaultPaths } from '../paths.ts';

/** A command: its arguments in, an exit code out. */
export type Command = (args: string[]) => Promise<number>;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The server's configuration from the environment (exit code 2 when it is invalid). */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** A path given on the command line: relative to where the user ran the command (pnpm runs scripts from the repo root). */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** The install's database, opened as the server opens it (migrations applied), with a group commit for writes. */
export function openInstallDb(config: Config): { db: OpenedDb; store: Store; commit: GroupCommit; close(): Promise<void> } {
  let db: OpenedDb;
  try {
    db = openDb(`${config.DATA_DIR}/parla.db`, { synchronous: config.DB_SYNCHRONOUS, appVersion: PARLA_VERSION, migrationsFolder: defaultPaths.migrations });
  } catch (e) {
    if (e instanceof DatabaseVersionError) throw new CliError(e.message);
    throw e;
  }
  const store = new Store(db.sqlite);
  const commit = new GroupCommit(db.sqlite);
  return {
    db,
    store,
    commit,
    async close() {
      commit.close();
      await db.close();
    },
  };
}

/**
 * A secret (a password): the whole of stdin when it is not a terminal (one trailing newline
 * dropped), otherwise typed twice at a prompt without echo. Never from argv: argv is visible to
 * every user of the machine (ps) and kept in shell history.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) data += chunk as string;
    return data.replace(/\r?\n$/, '');
  }
  const first = await promptHidden(`${prompt}: `);
  const again = await promptHidden(`${prompt} (again): `);
  if (first !== again) throw new CliError('the two entries differ');
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((done, fail) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) fail(err);
      else done(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CliError('cancelled', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
