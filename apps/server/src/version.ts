/** This Parla's version (apps/server/package.json): recorded in the database when it migrates it. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

// ../package.json from src/ and from a build in dist/ alike.
export const PARLA_VERSION: string = z
  .object({ version: z.string().min(1) })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;
