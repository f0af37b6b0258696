// Lint for what the type checker cannot see: module boundaries (STYLE.md) and purity of `shared`.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "admin/**", "server/src/db/migrations/**", "server/src/testing/gql/**", "**/*.d.ts", ".data/**", "tests/e2e/admin-dist/**"] },
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "no-debugger": "error",
      "no-duplicate-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // A module reaches another domain through that domain's service, never its repository.
    files: ["server/src/modules/**/*.ts"],
    ignores: ["server/src/modules/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./[^/]+/[^/]+\\.repo\\.js$",
              message: "Another domain's repository: call that domain's service instead (STYLE.md, module boundaries).",
            },
          ],
        },
      ],
    },
  },
  {
    // Pure rules: no I/O, no frameworks, no wall clock (the clock is passed in).
    files: ["shared/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(node:|drizzle-orm|postgres|ioredis|bullmq|vue|express|type-graphql|graphql)", message: "shared/ holds pure rules: no I/O or framework imports." }] },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass the clock in: shared rules never read the wall clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass the clock in: shared rules never read the wall clock." },
      ],
    },
  },
);
