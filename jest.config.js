// One jest for the whole repo. Only ts-jest transforms, so babel-jest never
// picks up the mini-program's Taro babel config.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@kepu/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};
// The mini-program's components and hooks run in jsdom; Taro's runtime is replaced
// by small doubles in miniapp/test/ (a request the test answers, storage in a Map).
const miniapp = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/miniapp/src/**/*.test.ts?(x)'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/miniapp/tsconfig.test.json' }] },
  // Platform files (QrCode.weapp.tsx / QrCode.h5.tsx) resolve as in the weapp build, like tsconfig's moduleSuffixes.
  moduleFileExtensions: ['weapp.ts', 'weapp.tsx', 'ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/miniapp/test/taro.ts',
    '^@tarojs/components$': '<rootDir>/miniapp/test/components.tsx',
    '\\.s?css$': '<rootDir>/miniapp/test/style.ts',
    '^@/(.*)$': '<rootDir>/miniapp/src/$1',
    '^@kepu/shared$': '<rootDir>/shared/src/index.ts',
    '^@kepu/shared/(.*)$': '<rootDir>/shared/src/$1',
  },
  // Set by the build (config/index.ts defineConstants); absolute here so tests can read URLs.
  globals: { API_BASE: 'https://api.test' },
  setupFilesAfterEnv: ['<rootDir>/miniapp/test/setup.ts'],
};
module.exports = {
  // Databases are created per suite; on a busy shared machine that can take longer than jest's 5 s default.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'shared', rootDir: __dirname, testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...common, displayName: 'server', rootDir: __dirname, testMatch: ['<rootDir>/server/src/**/*.test.ts'] },
    { ...common, displayName: 'api', rootDir: __dirname, testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    // Thousands of generated requests over every declared route, on both engines (FUZZ_SEED replays a run).
    { ...common, displayName: 'fuzz', rootDir: __dirname, testMatch: ['<rootDir>/tests/fuzz/**/*.test.ts'] },
    // Reads the source tree (imports, shared's exports); no code under test runs.
    { ...common, displayName: 'architecture', rootDir: __dirname, testMatch: ['<rootDir>/tests/architecture/**/*.test.ts'] },
    { ...common, displayName: 'concurrency', rootDir: __dirname, testMatch: ['<rootDir>/tests/concurrency/**/*.test.ts'] },
    // The importer evaluation's metric rules and fixture format (the scores themselves: npm run eval:importer).
    { ...common, displayName: 'importer-eval', rootDir: __dirname, testMatch: ['<rootDir>/tests/importer/**/*.test.ts'] },
    // Headless Chromium against the H5 build; globalSetup builds what is stale first.
    { ...common, displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], globalSetup: '<rootDir>/tests/e2e/build.ts' },
    miniapp,
  ],
};
