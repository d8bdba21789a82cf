/**
 * The tiny port every SQL statement of the store goes through, so both
 * backends share all SQL and differ only in how they connect. Rows come
 * back as plain objects; drivers differ on int8 (PGlite: number, pg:
 * string), so shared SQL casts counts to int4 or converts with Number().
 */
export interface Queryable {
  /** Run one statement with `$1..$n` parameters; resolves to its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A connection (or pool) that can also run scripts and transactions. */
export interface QueryPort extends Queryable {
  /** Run several statements without parameters (a migration script). */
  exec(sql: string): Promise<void>;
  /**
   * Run `fn` in one transaction on one connection: committed when it
   * resolves, rolled back when it rejects.
   */
  transaction<T>(fn: (tx: TransactionPort) => Promise<T>): Promise<T>;
  /** Release the connection(s). */
  close(): Promise<void>;
}

/** The inside of a transaction. */
export interface TransactionPort extends Queryable {
  exec(sql: string): Promise<void>;
}
