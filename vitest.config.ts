import { defineConfig } from 'vitest/config';

// Two projects: the unit/integration suite, and the corpus suite that reads ../shared/corpus in place.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['__tests__/corpus/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['__tests__/corpus/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
