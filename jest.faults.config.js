// Fault tests: the platform as processes on the real Kafka, database and Redis of `npm test`, killed with -9 under load.
// One file at a time: killing the broker, the database or Redis would disturb any other test running meanwhile.
module.exports = {
  preset: './jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/faults/src/**/*.fault-spec.ts'],
  testTimeout: 420000,
  maxWorkers: 1,
  verbose: true,
};
