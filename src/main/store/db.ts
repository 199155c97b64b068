/**
 * The one place that runs SQL: every query of the store goes through `all`, `get` or `run`, which reuse a
 * prepared statement per SQL text and time the call, so a query slower than 40 ms is logged with its text.
 */
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;
export type RunResult = BetterSqlite3.RunResult;

/** Positional (`?`) or named (`@name`) parameters; booleans are not bindable, pass 0/1. */
export type Params = readonly unknown[] | Record<string, unknown>;

export interface StoreLog {
  warn(message: string, details?: Record<string, unknown>): void;
}

export const SLOW_QUERY_MS = 40;

interface DbContext {
  statements: Map<string, BetterSqlite3.Statement<unknown[], unknown>>;
  log: StoreLog;
}

const contexts = new WeakMap<Db, DbContext>();

/** Called once by createStore: gives the connection its statement cache and logger. */
export function attachContext(db: Db, log: StoreLog): void {
  contexts.set(db, { statements: new Map(), log });
}

function contextOf(db: Db): DbContext {
  const context = contexts.get(db);
  if (!context) throw new Error('This database was not opened by createStore');
  return context;
}

function statement(db: Db, sql: string, plucked = false): BetterSqlite3.Statement<unknown[], unknown> {
  const { statements } = contextOf(db);
  // Plucking is a mode of the prepared statement, so a plucked one is cached apart from the row-returning one.
  const key = plucked ? `pluck:${sql}` : sql;
  let prepared = statements.get(key);
  if (!prepared) {
    prepared = db.prepare(sql);
    if (plucked) prepared.pluck(true);
    statements.set(key, prepared);
  }
  return prepared;
}

function reportIfSlow(db: Db, sql: string, started: number): void {
  const elapsedMs = performance.now() - started;
  if (elapsedMs > SLOW_QUERY_MS) {
    contextOf(db).log.warn('store: slow query', { elapsedMs: Math.round(elapsedMs), sql: sql.replace(/\s+/g, ' ') });
  }
}

function bind(params: Params): unknown[] {
  return Array.isArray(params) ? params : [params];
}

// A failing statement throws past reportIfSlow: only completed queries are timed, which is what the log is for.
export function all<R>(db: Db, sql: string, params: Params = []): R[] {
  const prepared = statement(db, sql);
  const started = performance.now();
  const rows = prepared.all(...bind(params)) as R[];
  reportIfSlow(db, sql, started);
  return rows;
}

export function get<R>(db: Db, sql: string, params: Params = []): R | undefined {
  const prepared = statement(db, sql);
  const started = performance.now();
  const row = prepared.get(...bind(params)) as R | undefined;
  reportIfSlow(db, sql, started);
  return row;
}

/** The first column of every row, e.g. a list of ids. */
export function column<V>(db: Db, sql: string, params: Params = []): V[] {
  const prepared = statement(db, sql, true);
  const started = performance.now();
  const values = prepared.all(...bind(params)) as V[];
  reportIfSlow(db, sql, started);
  return values;
}

export function run(db: Db, sql: string, params: Params = []): RunResult {
  const prepared = statement(db, sql);
  const started = performance.now();
  const result = prepared.run(...bind(params));
  reportIfSlow(db, sql, started);
  return result;
}

/** SQLite has no boolean type: columns hold 0/1. */
export const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);
