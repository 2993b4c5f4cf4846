// ESLint 9 flat config, after the Effect monorepo's (v3 line): typescript-eslint's strict rules, and
// `@effect/eslint-plugin` for formatting (dprint, Effect's settings) and deep imports in library code.
// `pnpm lint` checks; `pnpm lint:fix` formats and applies the fixable rules.
import effectPlugin from "@effect/eslint-plugin"
import js from "@eslint/js"
import globals from "globals"
import * as fs from "node:fs"
import tseslint from "typescript-eslint"

// dprint's settings, shared with the generator (which formats generated code with them): one place, `dprint.json`.
const dprint = JSON.parse(fs.readFileSync(new URL("./dprint.json", import.meta.url), "utf8")).typescript

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/build/**",
      "**/.tsbuild/**",
      "**/coverage/**",
      "**/.out/**",
      "packages/*/docs/**"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...effectPlugin.configs.dprint,
  {
    files: ["**/*.{ts,mts,cts,js,mjs,cjs}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser }
    },
    rules: {
      "no-fallthrough": "off",
      "no-irregular-whitespace": "off",
      "object-shorthand": "error",
      "prefer-destructuring": "off",
      "sort-imports": "off",
      "no-restricted-syntax": ["error", {
        selector: "CallExpression[callee.property.name='push'] > SpreadElement.arguments",
        message: "Do not use spread arguments in Array.push"
      }],
      "no-unused-vars": "off",
      "prefer-rest-params": "off",
      "prefer-spread": "off",
      "@typescript-eslint/array-type": ["warn", { default: "generic", readonly: "generic" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-empty-interface": "off",
      "@typescript-eslint/no-empty-object-type": "off",
      "@typescript-eslint/consistent-type-imports": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "off",
      "@typescript-eslint/no-array-constructor": "off",
      "@typescript-eslint/no-use-before-define": "off",
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/no-unsafe-function-type": "off",
      // `Effect<void>`, `Effect.async<void>`: void as a type argument is everyday Effect code.
      "@typescript-eslint/no-invalid-void-type": "off",
      "@effect/dprint": ["error", { config: dprint }]
    }
  },
  {
    // The generator and the tests reshape plain JSON (OpenAPI documents, wire bodies).
    files: ["packages/codegen/**", "tests/**"],
    rules: {
      "@typescript-eslint/no-dynamic-delete": "off"
    }
  },
  {
    // Library code imports Effect modules one by one (`effect/Effect`), so that bundlers keep only what is used.
    files: ["packages/client/src/**/*.ts", "packages/testing/src/**/*.ts"],
    rules: {
      "@effect/no-import-from-barrel-package": ["error", { packageNames: ["effect", "@effect/platform"] }]
    }
  }
)
