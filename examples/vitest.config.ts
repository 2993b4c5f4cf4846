import { defineConfig } from "vitest/config"

// `pnpm --filter @effect-intercom/examples testing`: the example of testing your own program.
export default defineConfig({
  test: {
    include: ["testing/**/*.test.ts"],
    testTimeout: 30_000
  }
})
