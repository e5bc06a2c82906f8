// One lint configuration for the whole workspace.
import js from '@eslint/js';
import {defineConfig} from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Browser-safe packages must not reach for page or Node globals: they are imported in Node, in
// server-side rendering and in browsers alike (see docs/architecture.md).
const platformNeutral = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'process',
  'Buffer',
];

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/generated/**',
      '**/node_modules/**',
      '**/bench/results/**',
      '**/coverage/**',
      '**/.tmp/**',
      // rapport.iife.js and rapport.zh-CN.iife.js, copied from @rapport/browser's dist.
      'hosts/salesforce/force-app/main/default/staticresources/rapport/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Widgets must run under a strict Content Security Policy.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // Data and configuration text render as text, never as HTML.
      'no-restricted-properties': [
        'error',
        {property: 'innerHTML', message: 'Render data as text (Lit bindings or textContent).'},
        {property: 'outerHTML', message: 'Render data as text (Lit bindings or textContent).'},
        {
          property: 'insertAdjacentHTML',
          message: 'Render data as text (Lit bindings or textContent).',
        },
      ],
    },
  },
  {
    files: [
      'packages/core/src/**/*.ts',
      'packages/adapter-memory/src/**/*.ts',
      'packages/adapter-http/src/**/*.ts',
      'packages/schema/src/**/*.ts',
      'packages/gateway/src/**/*.ts',
      'packages/react/src/**/*.ts',
    ],
    ignores: [
      '**/*.test.ts',
      'packages/adapter-memory/src/node.ts',
      'packages/schema/src/cli.ts',
      'packages/schema/src/bin.ts',
      'packages/gateway/src/node.ts',
    ],
    rules: {'no-restricted-globals': ['error', ...platformNeutral]},
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {globals: {...globals.node}},
  },
  {
    // Chai's property assertions (expect(x).to.be.true) are expressions by design.
    files: ['**/*.test.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  {
    // Scripts that run in pages; `Rapport` is the global of rapport.iife.js.
    files: [
      '**/test-fixtures/**/*.js',
      'examples/plain-html/**/*.js',
      'examples/crm-sidebar/**/*.js',
      'examples/playground/src/**/*.{js,mjs}',
      'scripts/bench/src/pages/**/*.js',
      'scripts/bench/src/entries/**/*.js',
    ],
    languageOptions: {globals: {...globals.browser, Rapport: 'readonly'}},
  },
  {
    // The Salesforce host's Lightning web component runs in the page; its tests run in sfdx-lwc-jest
    // (jsdom, Jest globals). jest.config.js is CommonJS because sfdx-lwc-jest requires it.
    files: ['hosts/salesforce/force-app/**/*.js'],
    languageOptions: {globals: {...globals.browser}},
  },
  {
    files: ['hosts/salesforce/force-app/**/__tests__/**/*.js'],
    languageOptions: {globals: {...globals.browser, ...globals.jest}},
  },
  {
    files: ['hosts/salesforce/jest.config.js'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // The benchmark's Node side hands functions to page.evaluate, which run in the page.
    files: ['scripts/bench/src/*.mjs'],
    languageOptions: {globals: {...globals.node, ...globals.browser}},
  },
);
