/**
 * Forms: the fields of an entity shown for one purpose, in order and sections, with
 * conditional visibility and requiredness and validation rules, checked against a JSON
 * Schema built once per form.
 */
export { compileForm, type CompiledFormDetails } from './compileForm.js';
