/** `parla admin create --email EMAIL --name NAME`: an admin account, the password from stdin or a prompt. */
import { parseArgs } from 'node:util';
import { AccountQueries } from '@parla/db';
import { AgentName, NewPassword } from '@parla/protocol/admin';
import { Email } from '@parla/protocol';
import { Team } from '../modules/agents/team.ts';
import { RequestError } from '../lib/http.ts';
import { PasswordPool } from '../lib/passwords.ts';
import { CliError, cliConfig, openInstallDb, readSecret } from './io.ts';

export async function adminCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new CliError('usage: parla admin create --email EMAIL --name NAME', 2);
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nusage: parla admin create --email EMAIL --name NAME (the password is read from stdin or asked)`, 2);
  }
  const email = Email.safeParse(values.email ?? '');
  const name = AgentName.safeParse(values.name ?? '');
  if (!email.success) throw new CliError('--email: a valid email address is needed', 2);
  if (!name.success) throw new CliError('--name: a name is needed (80 characters at most)', 2);
  const config = cliConfig();
  const password = NewPassword.safeParse(await readSecret(`Password for ${email.data}`));
  if (!password.success) throw new CliError(password.error.issues[0]!.message, 2);

  const install = openInstallDb(config);
  // The server's own hashing (a worker thread): the same parameters and format.
  const passwords = new PasswordPool({ workers: 1, queue: 1 });
  try {
    await passwords.ready();
    const team = new Team(install.store, new AccountQueries(install.db.sqlite), install.commit, passwords, { publicUrl: config.PUBLIC_URL });
    const agent = await team.createAdmin({ email: email.data, name: name.data, password: password.data });
    console.log(`admin ${agent.email} (${agent.name}) created; sign in at ${config.PUBLIC_URL}/console/`);
    return 0;
  } catch (e) {
    if (e instanceof RequestError) throw new CliError(e.message);
    throw e;
  } finally {
    await passwords.close();
    await install.close();
  }
}
