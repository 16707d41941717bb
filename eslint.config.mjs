import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infrastructurePackages = ['@nestjs/*', 'mongoose', 'mongodb', 'kafkajs', 'bullmq', 'ioredis', 'pino', 'fastify'];

export default [
  { ignores: ['**/node_modules', '**/dist', '.local', '.nx', 'coverage', '**/jest.config.js', 'jest.preset.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: [...infrastructurePackages, 'zod'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'], bannedExternalImports: infrastructurePackages },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:scripts', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:contracts', 'type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read in one place per app.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.config.ts', '**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through the app config, not process.env.' }],
    },
  },
  {
    // Code that answers a caller reads enterprise data through the caller's EnterpriseAccess, never pipeline keys.
    files: ['apps/*/src/**/*.controller.ts', 'apps/*/src/**/*.read-model.ts', 'apps/*/src/**/get-*/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@gec/platform', importNames: ['pipelineKeys'], message: "A caller's read takes its EnterpriseAccess; pipeline keys are for consumers and jobs." }] }],
    },
  },
];
