/**
 * The contestants: each turns a {@link import('./cases.js').BenchCase} into a function that
 * evaluates the case's rule on one record. Whatever can be done once per rule (compiling,
 * building engines) happens in `prepare`, outside the timed loop.
 */
import { compileExpression } from '@ruleloom/engine';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { Engine } from 'json-rules-engine';

/**
 * @typedef {import('./cases.js').BenchCase} BenchCase
 * @typedef {import('./cases.js').BenchRecord} BenchRecord
 *
 * @typedef {object} Contestant
 * @property {string} id
 * @property {string} label Column/row label in the tables.
 * @property {boolean} async True when `prepare` returns a function that returns a promise.
 * @property {string} how One line on what is timed.
 * @property {(benchCase: BenchCase) => (record: BenchRecord) => unknown} prepare
 */

/** @type {Contestant} */
const ruleloom = {
  id: 'ruleloom',
  label: 'ruleloom (compiled)',
  async: false,
  how: 'compileExpression(logic) once; compiled.evaluate(record) per evaluation',
  prepare(benchCase) {
    const compiled = compileExpression(benchCase.logic);
    if (!compiled.ok || compiled.diagnostics.length > 0) {
      const codes = compiled.diagnostics.map((d) => `${d.code} ${d.pointer}`).join('; ');
      throw new Error(`ruleloom did not compile case ${benchCase.id} cleanly: ${codes}`);
    }
    return compiled.evaluate;
  },
};

/** @type {Contestant} */
const jsonLogicJs = {
  id: 'json-logic-js',
  label: 'json-logic-js',
  async: false,
  how: 'jsonLogic.apply(logic, record): interprets the rule tree on every call',
  prepare(benchCase) {
    const logic = benchCase.logic;
    return (record) => jsonLogic.apply(/** @type {any} */ (logic), record);
  },
};

/** @type {Contestant} */
const jsonLogicEngineRun = {
  id: 'jle-run',
  label: 'json-logic-engine run',
  async: false,
  how: 'new LogicEngine().run(logic, record): interpreter; caches a closure plan per logic object',
  prepare(benchCase) {
    const engine = new LogicEngine();
    const logic = benchCase.logic;
    return (record) => engine.run(logic, record);
  },
};

/** @type {Contestant} */
const jsonLogicEngineBuild = {
  id: 'jle-build',
  label: 'json-logic-engine build',
  async: false,
  how: 'new LogicEngine().build(logic) once (generates JS source, runs it through indirect eval)',
  prepare(benchCase) {
    const engine = new LogicEngine();
    // Called directly, like ruleloom's `evaluate`: no wrapper in between.
    return /** @type {(record: BenchRecord) => unknown} */ (engine.build(benchCase.logic));
  },
};

/** @type {Contestant} */
const jsonRulesEngine = {
  id: 'json-rules-engine',
  label: 'json-rules-engine',
  async: true,
  how: 'new Engine(rules) once; await engine.run(record) per evaluation (sequential)',
  prepare(benchCase) {
    const form = benchCase.rulesEngine;
    const engine = new Engine(/** @type {any} */ (form.rules), { allowUndefinedFacts: true });
    for (const operator of form.operators ?? []) {
      engine.addOperator(operator.name, /** @type {any} */ (operator.fn));
    }
    const result = form.result;
    return async (record) => result(/** @type {any} */ (await engine.run(record)));
  },
};

/** @type {Contestant} */
const handWritten = {
  id: 'hand',
  label: 'hand-written JS',
  async: false,
  how: 'the rule as a plain JavaScript function (the floor)',
  prepare(benchCase) {
    return benchCase.hand;
  },
};

/** In table order. `ruleloom` is the reference every answer is checked against. */
export const contestants = [
  ruleloom,
  jsonLogicJs,
  jsonLogicEngineRun,
  jsonLogicEngineBuild,
  jsonRulesEngine,
  handWritten,
];

/**
 * @param {string} id
 * @returns {Contestant}
 */
export function findContestant(id) {
  const found = contestants.find((c) => c.id === id);
  if (!found) throw new Error(`unknown contestant "${id}"`);
  return found;
}
