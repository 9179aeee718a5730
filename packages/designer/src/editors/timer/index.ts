/** The timer editor and its plain-words sentence. */
export { TimerEditor } from './TimerEditor.js';
export {
  cronWords,
  durationWords,
  timerSentence,
  type TimerSentenceLabels,
} from './timerSentence.js';
export { changeTimerKind } from './timerKinds.js';
