// One jest for the whole repo. Only ts-jest transforms, so babel-jest never
// picks up the mini-program's Taro babel config.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@kepu/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'shared', rootDir: __dirname, testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...common, displayName: 'server', rootDir: __dirname, testMatch: ['<rootDir>/server/src/**/*.test.ts'] },
    { ...common, displayName: 'api', rootDir: __dirname, testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...common, displayName: 'concurrency', rootDir: __dirname, testMatch: ['<rootDir>/tests/concurrency/**/*.test.ts'] },
  ],
};
