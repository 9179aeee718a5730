import type { CatalogueEntry } from '../types.js';

/** Diagnostics of definition files: JSON syntax, schema and kind (RL1xxx). */
export const definitionCatalogue = {
  RL1001: {
    severity: 'error',
    title: 'schema violation',
    message: { 'zh-CN': '定义不符合 {kind} 的结构：{detail}', en: 'the definition does not match the {kind} schema: {detail}' },
    hint: { 'zh-CN': '对照定义语言参考修正该处', en: 'correct it after the definition-language reference' },
  },
} as const satisfies Record<string, CatalogueEntry>;
