module.exports = {
  displayName: 'scripts',
  preset: '../jest.preset.js',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
