/** `parla backup FILE [--force]`: an online backup of the install's database, while the server runs. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, onlineBackup } from '@parla/db';
import { CliError, cliConfig, userPath } from './io.ts';

const USAGE = 'usage: parla backup FILE [--force]';

export async function backupCommand(args: string[]): Promise<number> {
  let parsed: { values: { force?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const [file, ...more] = parsed.positionals;
  if (!file || more.length) throw new CliError(`one file is needed\n${USAGE}`, 2);
  const config = cliConfig();
  const live = join(config.DATA_DIR, 'parla.db');
  let r;
  try {
    r = await onlineBackup(live, userPath(file), { force: parsed.values.force ?? false });
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  }
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    [
      `backup written: ${r.file}`,
      `  ${n(r.bytes)} bytes, schema ${r.schema}, ${n(r.conversations)} conversations, ${n(r.messages)} messages (integrity check ok)`,
      `  it holds everything committed before it began (every acknowledged message)`,
      `  attachment files are not in it: copy ${join(config.DATA_DIR, 'attachments')} too, after the backup`,
      `  restore: stop the server, copy it to ${live}, delete ${live}-wal and ${live}-shm, start the server`,
    ].join('\n'),
  );
  return 0;
}
