import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isRapportError, validateSurveyAnswerInput} from '@rapport/core';

describe('validateSurveyAnswerInput', () => {
  it('holds each kind to its scale', () => {
    assert.deepEqual(
      validateSurveyAnswerInput({customerId: 'c1', kind: 'nps', score: 0, comment: '  '}),
      {customerId: 'c1', kind: 'nps', score: 0},
    );
    assert.throws(
      () => validateSurveyAnswerInput({customerId: 'c1', kind: 'csat', score: 0}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        error.fields.score === 'must be a whole number from 1 to 5',
    );
    assert.throws(
      () => validateSurveyAnswerInput({customerId: 'c1', kind: 'nps', score: 9.5}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        error.fields.score === 'must be a whole number from 0 to 10',
    );
  });

  it('names every problem at once and keeps the comment trimmed', () => {
    assert.throws(
      () => validateSurveyAnswerInput({kind: 'ces', complaintId: '', comment: 3}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        Object.keys(error.fields).sort().join() === 'comment,complaintId,customerId,kind',
    );
    assert.equal(
      validateSurveyAnswerInput({
        customerId: 'c1',
        complaintId: 'k1',
        kind: 'csat',
        score: 5,
        comment: ' Quick and kind. ',
      }).comment,
      'Quick and kind.',
    );
  });
});
