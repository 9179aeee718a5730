/** The routing editor: ordered, sortable rules, strategy, constraints, preferences, fallback. */
export { RoutingEditor, moveRule, sortIds } from './RoutingEditor.js';
export { StrategyEditor, parseWeights, weightsText } from './StrategyEditor.js';
