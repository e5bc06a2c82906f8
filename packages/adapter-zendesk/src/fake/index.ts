/**
 * @rapport/adapter-zendesk/fake: a stateful fake of Zendesk Support as msw handlers, for tests of the
 * adapter and of apps built on it. Needs msw 2 (an optional peer dependency).
 *
 * @packageDocumentation
 */
export {
  fakeZendesk,
  fakeFaultKinds,
  fakeAgentId,
  fakeApiUserId,
  fakeOrderNumberFieldId,
} from './fake-zendesk.js';
export type {
  FakeFaultKind,
  FakeFaults,
  FakeTicket,
  FakeUser,
  FakeUserSeed,
  FakeZendesk,
  FakeZendeskOptions,
} from './fake-zendesk.js';
