import type { CatalogueEntry } from '../types.js';

/** Diagnostics of parsing Excel-like formula text (RL4xxx). */
export const formulaCatalogue = {
  RL4001: {
    severity: 'error',
    title: 'formula syntax error',
    message: {
      'zh-CN': '公式第 {column} 列有语法错误：{detail}',
      en: 'syntax error at column {column} of the formula: {detail}',
    },
    hint: {
      'zh-CN': '检查括号、逗号和引号是否成对',
      en: 'check that brackets, commas and quotes are balanced',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
