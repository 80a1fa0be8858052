/**
 * `parla`: the command line of an install (run it where the server's environment is set, so it
 * finds the same DATA_DIR). In the repository: `pnpm parla <command>`; in a production build or
 * the container image: `node dist/cli.js <command>`.
 *
 *   parla admin create --email EMAIL --name NAME   create an admin (password from stdin or a prompt)
 *   parla backup FILE [--force]                     an online backup of the database (the server may run)
 *   parla help
 *
 * Exit codes: 0 done, 1 failed, 2 bad usage or configuration.
 */
import { adminCommand } from './cli/admin.ts';
import { backupCommand } from './cli/backup.ts';
import { CliError, type Command } from './cli/io.ts';

const commands: Record<string, Command> = {
  admin: adminCommand,
  backup: backupCommand,
};

const USAGE = `usage: parla <command>

  admin create --email EMAIL --name NAME
      create an admin account; the password is read from stdin when it is not a terminal,
      otherwise asked twice without echo (never from the command line)
  backup FILE [--force]
      copy the database to FILE while the server runs (SQLite's online backup: everything
      committed before it began, checked and synced; FILE is written only when complete and
      never replaced unless --force); attachments (DATA_DIR/attachments) are copied separately
  help
      this text

The server's environment (DATA_DIR, ...) decides which database is used.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`parla: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await cmd(rest);
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`parla ${name}: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
