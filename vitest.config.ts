import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser checks have their own command (npm run test:browser) and config.
    exclude: [...configDefaults.exclude, 'tests/browser/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
