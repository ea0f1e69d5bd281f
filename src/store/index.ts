/**
 * The store: subscribers, runs and the delivery ledger in one SQLite file. Jobs use `openStore` and the Store it
 * returns; the other exports are the pieces a command or a mail template needs beside it.
 */
export { openStore, type Store } from './open-store.js';
export { resolveDbPath } from './resolve-db-path.js';
export { makeClaimant, isClaimantAlive } from './claimant.js';
export { makeUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribeRequest } from './unsubscribe-token.js';
export { normalizeEmail } from './normalize-email.js';
export { redactSecrets } from './redact-secrets.js';
export { SCHEMA_VERSION } from './migrations.js';
export type { UnsubscribeResult } from './subscribers.js';
export * from './types.js';
