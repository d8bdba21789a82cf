import { initial } from './001-initial.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, in order. Add a file `NNN-name.ts` and list it here; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [initial];
