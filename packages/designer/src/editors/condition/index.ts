/** The visual condition builder (JsonLogic in, JsonLogic out) and its pure conversions. */
export { ConditionBuilder, type ConditionBuilderProps } from './ConditionBuilder.js';
export {
  conditionFromLogic,
  conditionToLogic,
  type Combinator,
  type ConditionGroup,
  type ConditionLiteral,
  type ConditionNode,
  type ConditionOperator,
  type ConditionRaw,
  type ConditionRule,
} from './conditionTree.js';
export { operatorsFor, type ConditionField } from './operators.js';
