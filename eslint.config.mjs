import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // app/ and components/ only assemble: data access goes through a lib/ verb (STYLE.md).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Call a lib/<domain> verb instead of touching the database from app/ or components/." },
            { name: "@prisma/client", message: "Call a lib/<domain> verb instead." },
            { name: "pg", message: "Call a lib/<domain> verb instead." },
          ],
          patterns: [{ group: ["@/generated/prisma/client", "**/generated/prisma/client"], message: "Call a lib/<domain> verb instead." }],
        },
      ],
    },
  },
];

export default config;
