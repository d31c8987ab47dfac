import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // every test file gets its own temporary rule-set cache: tests never read or write a real one in $HOME
    setupFiles: ['test/cache-env.ts'],
  },
});
