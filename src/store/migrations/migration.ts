/** One schema change: numbered, applied once, in a transaction, recorded in schema_migrations. */
export interface Migration {
  /** 1, 2, 3, ... in order; never reused or renumbered. */
  id: number;
  /** Short kebab-case name, recorded beside the id. */
  name: string;
  /** The statements (no parameters). */
  sql: string;
}
