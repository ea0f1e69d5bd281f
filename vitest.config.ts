import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The CLI's stderr is piped in tests, which would make its logs JSON (src/io/logger.ts). Most tests read it as a
    // person at a terminal does, so they ask for the readable form; test/io/logger.test.ts and
    // test/e2e/json-logs.test.ts set TRADEBRIEF_LOG_FORMAT=json themselves and check the records.
    env: { TRADEBRIEF_LOG_FORMAT: 'pretty' },
  },
});
