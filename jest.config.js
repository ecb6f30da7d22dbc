/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
    // react-intl and FormatJS ship ES modules only: compile them to CommonJS for jest.
    "node_modules/.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "es2020", esModuleInterop: true }, diagnostics: false, isolatedModules: true }],
  },
  // hyparquet and hyparquet-writer (the CLI's Parquet reader, the tests' writer) ship ES modules only too.
  transformIgnorePatterns: ["/node_modules/(?!(react-intl|@formatjs|intl-messageformat|hyparquet|hyparquet-writer)/)"],
  // office-addin-mock pulls an ESM-only dependency through office-addin-manifest (OFFICE.md).
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 120000,
  // Property tests run on one fixed seed unless FC_SEED says otherwise (test/_setup/fast-check.ts);
  // testing-library's find* queries look for up to 15 s on a loaded machine (test/_setup/testing-library.ts).
  setupFiles: ["<rootDir>/test/_setup/fast-check.ts", "<rootDir>/test/_setup/testing-library.ts"],
};
