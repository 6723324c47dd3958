import { defineConfig } from 'vitest/config';

// Two projects: the unit/integration suite, and the corpus suite that reads ../shared/corpus in place.
export default defineConfig({
  test: {
    // The AWS SDK warns on Node 20 that its 2027 releases need Node 22; the tests do not need telling.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['__tests__/corpus/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'corpus',
          include: ['__tests__/corpus/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
