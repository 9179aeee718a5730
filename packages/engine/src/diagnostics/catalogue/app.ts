import type { CatalogueEntry } from '../types.js';

/** Apps: cross-file references and structure (RL50xx). */
export const appCatalogue = {
  RL5001: {
    severity: 'error',
    title: 'no app manifest',
    message: {
      'zh-CN': '应用文件夹中没有 app.json（应用清单）',
      en: 'the app folder has no app.json (the app manifest)',
    },
    hint: {
      'zh-CN': '在应用文件夹根目录创建 app.json，写明 id、name、version 和 files',
      en: 'create app.json at the root of the app folder with its id, name, version and files',
    },
  },
  RL5002: {
    severity: 'error',
    title: 'listed file missing',
    message: {
      'zh-CN': 'app.json 列出的文件 "{path}" 不存在',
      en: 'the file "{path}" listed in app.json does not exist',
    },
    hint: {
      'zh-CN': '创建该文件，或从 app.json 的 files 中删除这一项',
      en: 'create the file, or remove the entry from files in app.json',
    },
  },
  RL5003: {
    severity: 'warning',
    title: 'file not listed',
    message: {
      'zh-CN': '文件 "{path}" 没有列在 app.json 中，将被忽略',
      en: 'the file "{path}" is not listed in app.json and is ignored',
    },
    hint: {
      'zh-CN': '把它加入 app.json 的 {list}，或删除该文件',
      en: 'add it to {list} in app.json, or delete it',
    },
  },
  RL5004: {
    severity: 'error',
    title: 'duplicate id',
    message: {
      'zh-CN': '{kind} 的 id "{id}" 重复（另见 {other}）',
      en: 'the {kind} id "{id}" is used twice (see also {other})',
    },
    hint: {
      'zh-CN': '每个定义的 id 在同类定义中必须唯一；给其中一个改名',
      en: 'ids must be unique among definitions of a kind; rename one of them',
    },
  },
  RL5005: {
    severity: 'error',
    title: 'unknown entity',
    message: {
      'zh-CN': '引用了不存在的实体 "{entity}"',
      en: 'refers to the unknown entity "{entity}"',
    },
    hint: {
      'zh-CN': '已有的实体：{known}。检查拼写，或在 entities/ 中添加该实体并列入 app.json',
      en: 'known entities: {known}. Check the spelling, or add the entity under entities/ and list it in app.json',
    },
  },
  RL5006: {
    severity: 'error',
    title: 'invalid sample data',
    message: {
      'zh-CN': '示例数据 "{path}" 应为记录数组：{detail}',
      en: 'the sample data "{path}" should be a list of records: {detail}',
    },
    hint: {
      'zh-CN': '示例数据文件写成 [{"id": "L1", "values": {…}}] 或直接写字段值的数组',
      en: 'write sample data as [{"id": "L1", "values": {…}}] or as a list of field values',
    },
  },
  RL5007: {
    severity: 'error',
    title: 'definition not compiled',
    message: {
      'zh-CN': '"{path}" 有结构错误，未参与应用编译',
      en: '"{path}" has structural errors and was left out of the app',
    },
    hint: {
      'zh-CN': '先修正该文件中的其他错误',
      en: 'fix the other errors in that file first',
    },
  },
  RL5008: {
    severity: 'error',
    title: 'unknown definition',
    message: {
      'zh-CN': '应用中没有 id 为 "{id}" 的{kind}',
      en: 'the app has no {kind} with the id "{id}"',
    },
    hint: {
      'zh-CN': '可用的 id：{known}',
      en: 'known ids: {known}',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
