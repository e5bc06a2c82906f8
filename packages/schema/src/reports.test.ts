import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {reportNames} from '@rapport/core';
import {
  defaultCustomization,
  documentForRole,
  reportsForRole,
  validateCustomization,
  type CustomizationDocument,
} from '@rapport/schema';
import {schemaFile} from '../scripts/paths.mjs';

const names = (document: CustomizationDocument, role: string) =>
  reportsForRole(document, role).map((r) => r.name);

describe('the reports section', () => {
  it('names every report of the catalogue, and nothing else', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    assert.deepEqual(Object.keys(schema.definitions.ReportsShown.properties), reportNames);
  });

  it('defaults to every report for supervisors, complaints and satisfaction for agents, none for customers', () => {
    assert.deepEqual(names(defaultCustomization, 'supervisor'), reportNames);
    assert.deepEqual(names(defaultCustomization, 'agent'), [
      'complaintsByCategory',
      'complaintsByStatus',
      'complaintSla',
      'satisfaction',
    ]);
    assert.deepEqual(names(defaultCustomization, 'customer'), []);
  });

  it('shows only the reports a document lists, to the roles it lists, with its titles', () => {
    const checked = validateCustomization({
      schemaVersion: 1,
      reports: {
        minimumGroupSize: 10,
        show: {
          satisfaction: {roles: ['agent'], label: {en: 'How we are doing', 'zh-CN': '满意度'}},
          loyaltyTiers: {roles: ['supervisor']},
        },
      },
    });
    assert.ok(checked.valid, JSON.stringify(checked.problems));
    const document = checked.document!;
    assert.deepEqual(reportsForRole(document, 'agent'), [
      {name: 'satisfaction', label: {en: 'How we are doing', 'zh-CN': '满意度'}},
    ]);
    assert.deepEqual(names(document, 'supervisor'), ['loyaltyTiers']);
    // What the agent's browser gets names the agent's reports only.
    assert.deepEqual(documentForRole(document, 'agent').reports, {
      minimumGroupSize: 10,
      show: {satisfaction: {roles: ['agent'], label: {en: 'How we are doing', 'zh-CN': '满意度'}}},
    });
  });

  it('names an unknown role, an unknown report and a group size below 2 where they are', () => {
    const checked = validateCustomization({
      schemaVersion: 1,
      reports: {
        minimumGroupSize: 1,
        show: {satisfaction: {roles: ['supervisr']}, complaintsByColour: {roles: ['agent']}},
      },
    });
    assert.equal(checked.valid, false);
    const pointers = checked.problems.map((p) => p.pointer);
    assert.ok(pointers.includes('/reports/minimumGroupSize'), pointers.join(' '));
    assert.ok(pointers.includes('/reports/show/satisfaction/roles/0'), pointers.join(' '));
    const role = checked.problems.find((p) => p.pointer === '/reports/show/satisfaction/roles/0')!;
    assert.equal(role.suggestion, 'supervisor');
    assert.ok(
      checked.problems.some(
        (p) =>
          p.pointer.startsWith('/reports/show') && /complaintsByColour/.test(p.pointer + p.message),
      ),
      JSON.stringify(checked.problems),
    );
  });
});
