import { defineConfig } from 'vitest/config';

// The checks that need a browser (npm run test:browser): kept out of `npm test`, which must pass
// on a machine without Chromium.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
