/**
 * monaco-editor in the component tests (jsdom cannot run it): just enough of its API for
 * the designer's monaco setup to load.
 */
export default class StubWorker {}

export const json = { jsonDefaults: { setDiagnosticsOptions: (): void => undefined } };
export const languages = { json };
export const editor = {};
export const jsonDefaults = json.jsonDefaults;
