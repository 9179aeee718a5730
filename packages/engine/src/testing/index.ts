export {
  runTest,
  scenarioOf,
  type TestFailure,
  type TestResult,
  type TestWorld,
} from './runTest.js';
export { runTests, testsOf, type TestReport } from './runTests.js';
