// Integration and end-to-end tests: real Kafka, database and Redis, started by `npm test` (scripts/test.sh).
module.exports = {
  preset: './jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/e2e/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
