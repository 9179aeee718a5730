// Renders docs/reference/diagnostics.md from the engine's diagnostics catalogue.
// `npm run docs:diagnostics` writes it; a test checks that the committed file is current.

const RANGES = [
  ['RL1', 'Definition files (JSON, schema, kind)'],
  ['RL2', 'Expressions (compile and type check)'],
  ['RL3', 'Evaluation (run-time errors)'],
  ['RL4', 'Formula text'],
  ['RL50', 'Apps (cross-file references and structure)'],
  ['RL51', 'Entities and forms'],
  ['RL52', 'Pipelines, gates and approvals'],
  ['RL53', 'Automations'],
  ['RL54', 'Decision tables and formulas'],
  ['RL55', 'Lead routing'],
  ['RL56', 'Timers'],
  ['RL9', 'Command line'],
];

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The Markdown page for a catalogue: one table per code range.
 * @param {Record<string, {severity: string, title: string, message: Record<string, string>, hint: Record<string, string>}>} catalogue
 * @returns {string}
 */
export function renderDiagnosticsDoc(catalogue) {
  const lines = [
    '# Diagnostics catalogue',
    '',
    '<!-- Generated from packages/engine/src/diagnostics/catalogue by `npm run docs:diagnostics`. Do not edit by hand. -->',
    '',
    'Every problem ruleloom reports has a stable code, a severity, a message and a fix hint in',
    'zh-CN and en, and a JSON pointer to the offending value (the CLI turns it into',
    '`line:column`). `{name}` in a message is filled with the details of the case. Errors stop',
    'a definition from compiling; warnings do not.',
    '',
  ];
  const codes = Object.keys(catalogue).sort();
  for (const [prefix, title] of RANGES) {
    const inRange = codes.filter((code) => code.startsWith(prefix));
    if (inRange.length === 0) continue;
    lines.push(`## ${prefix}xxx — ${title}`, '');
    lines.push('| code | severity | message (en) | message (zh-CN) | fix (en) | fix (zh-CN) |');
    lines.push('|---|---|---|---|---|---|');
    for (const code of inRange) {
      const e = catalogue[code];
      lines.push(
        `| ${code} | ${e.severity} | ${cell(e.message.en)} | ${cell(e.message['zh-CN'])} | ${cell(e.hint.en)} | ${cell(e.hint['zh-CN'])} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
