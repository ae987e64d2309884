module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Contract tests may assert through the harness, which throws a readable report.
      files: ['**/*.contract.ts'],
      rules: {
        'jest/expect-expect': [
          'warn',
          { assertFunctionNames: ['expect', 'expectValidAgainstUpstream'] },
        ],
      },
    },
  ],
});
