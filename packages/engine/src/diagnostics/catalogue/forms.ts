import type { CatalogueEntry } from '../types.js';

/**
 * Entities and forms (RL51xx). RL5101–RL5119 are field errors a rep sees when a value does
 * not fit (`FieldError.code`); RL5120–RL5129 are entity definitions and field-id migrations;
 * RL5130–RL5139 are form definitions.
 */
export const formsCatalogue = {
  // ─── Field errors (shown to the person filling the form) ─────────────────────────────
  RL5101: {
    severity: 'error',
    title: 'required field empty',
    message: { 'zh-CN': '必填项未填写：{label}', en: '{label} is required' },
    hint: { 'zh-CN': '填写该项后再提交', en: 'fill it in, then submit again' },
  },
  RL5102: {
    severity: 'error',
    title: 'unknown field in the data',
    message: {
      'zh-CN': '{entity}没有字段 "{field}"',
      en: '{entity} has no field "{field}"',
    },
    hint: {
      'zh-CN': '数据按字段 ID（而不是名称）保存；检查字段 ID，或先在实体中添加该字段',
      en: 'data is stored under field ids, not labels; check the id, or add the field to the entity first',
    },
  },
  RL5103: {
    severity: 'error',
    title: 'wrong kind of value',
    message: { 'zh-CN': '{label}应为{expected}', en: '{label} must be {expected}' },
    hint: {
      'zh-CN': '按字段类型重新填写；接口调用方请查看定义语言参考中的字段类型',
      en: 'enter it again as the field type asks; callers of the API see the field types in the definition-language reference',
    },
  },
  RL5104: {
    severity: 'error',
    title: 'not an option',
    message: {
      'zh-CN': '"{value}" 不是{label}的可选项（可选：{options}）',
      en: '"{value}" is not an option of {label} (options: {options})',
    },
    hint: {
      'zh-CN': '从列表中选择；数据保存的是选项 ID，不是选项名称',
      en: 'pick from the list; data holds option ids, not option labels',
    },
  },
  RL5105: {
    severity: 'error',
    title: 'text too long',
    message: {
      'zh-CN': '{label}最多 {max} 个字',
      en: '{label} takes at most {max} characters',
    },
    hint: { 'zh-CN': '删减文字后再提交', en: 'shorten the text, then submit again' },
  },
  RL5106: {
    severity: 'error',
    title: 'below the minimum',
    message: { 'zh-CN': '{label}不能小于 {min}', en: '{label} must be at least {min}' },
    hint: { 'zh-CN': '填写不小于下限的值', en: 'enter a value at or above the minimum' },
  },
  RL5107: {
    severity: 'error',
    title: 'above the maximum',
    message: { 'zh-CN': '{label}不能大于 {max}', en: '{label} must be at most {max}' },
    hint: { 'zh-CN': '填写不大于上限的值', en: 'enter a value at or below the maximum' },
  },
  RL5108: {
    severity: 'error',
    title: 'too many decimal places',
    message: {
      'zh-CN': '{label}最多保留 {precision} 位小数',
      en: '{label} takes at most {precision} decimal places',
    },
    hint: { 'zh-CN': '四舍五入到允许的小数位数', en: 'round it to the allowed decimal places' },
  },
  RL5109: {
    severity: 'error',
    title: 'wrong format',
    message: { 'zh-CN': '{label}格式不正确，应为{format}', en: '{label} must be {format}' },
    hint: { 'zh-CN': '按提示的格式重新填写', en: 'enter it again in the format shown' },
  },
  RL5110: {
    severity: 'error',
    title: 'too few items',
    message: { 'zh-CN': '{label}至少需要 {min} 项', en: '{label} needs at least {min} item(s)' },
    hint: { 'zh-CN': '再选择或上传几项', en: 'pick or upload more' },
  },
  RL5111: {
    severity: 'error',
    title: 'too many items',
    message: { 'zh-CN': '{label}最多 {max} 项', en: '{label} takes at most {max} item(s)' },
    hint: { 'zh-CN': '去掉多余的项', en: 'remove the extra items' },
  },
  RL5112: {
    severity: 'error',
    title: 'duplicate item',
    message: { 'zh-CN': '{label}中 "{value}" 重复', en: '{label} lists "{value}" twice' },
    hint: { 'zh-CN': '每一项只保留一次', en: 'keep each item once' },
  },
  RL5113: {
    severity: 'error',
    title: 'file type not accepted',
    message: {
      'zh-CN': '{label}不接受文件 "{file}"（允许：{accept}）',
      en: '{label} does not accept the file "{file}" (accepted: {accept})',
    },
    hint: { 'zh-CN': '换成允许的文件类型再上传', en: 'upload a file of an accepted type' },
  },
  RL5114: {
    severity: 'error',
    title: 'photo without time watermark',
    message: {
      'zh-CN': '{label}缺少拍摄时间水印，请用相机现场拍摄',
      en: '{label} has no time watermark; take the photo on site with the camera',
    },
    hint: {
      'zh-CN': '不能从相册上传；照片须带拍摄时间（takenAt）',
      en: 'gallery uploads are refused; the photo must carry its capture time (takenAt)',
    },
  },
  RL5115: {
    severity: 'error',
    title: 'photo without location',
    message: {
      'zh-CN': '{label}缺少拍摄地点（GPS 定位）',
      en: '{label} has no location (GPS point) where it was taken',
    },
    hint: {
      'zh-CN': '打开定位权限后重新拍摄；照片须带 geo: {lat, lng}',
      en: 'allow location access and take it again; the photo must carry geo: {lat, lng}',
    },
  },
  RL5116: {
    severity: 'error',
    title: 'read-only field changed',
    message: {
      'zh-CN': '{label}是只读字段，不能手动修改',
      en: '{label} is read-only and cannot be changed by hand',
    },
    hint: {
      'zh-CN': '该字段由系统计算或由自动化设置；保留原值提交',
      en: 'the system computes it or an automation sets it; submit it unchanged',
    },
  },
  RL5117: {
    severity: 'error',
    title: 'wrong currency',
    message: {
      'zh-CN': '{label}的币种应为 {currency}，而不是 {actual}',
      en: '{label} must be in {currency}, not {actual}',
    },
    hint: { 'zh-CN': '换算成该币种后再填写', en: 'convert the amount to that currency' },
  },
  RL5118: {
    severity: 'error',
    title: 'form rule failed',
    message: {
      'zh-CN': '校验规则「{rule}」未通过：{message}',
      en: 'the rule "{rule}" failed: {message}',
    },
    hint: {
      'zh-CN': '表单上显示的是管理员为该规则写的提示（message）；按提示修改后再提交',
      en: 'the form shows the message the admin wrote for the rule; change the data as it says',
    },
  },
  RL5119: {
    severity: 'error',
    title: 'form data is not a record',
    message: {
      'zh-CN': '表单数据应为一条记录（字段 ID 到值的对象），收到的是 {actual}',
      en: 'form data must be a record (an object of field ids to values), not {actual}',
    },
    hint: {
      'zh-CN': '调用方应传入形如 {"source": "douyin"} 的对象',
      en: 'the caller should pass an object such as {"source": "douyin"}',
    },
  },

  // ─── Entity definitions and field-id migrations ────────────────────────────────────────
  RL5120: {
    severity: 'error',
    title: 'duplicate field id',
    message: {
      'zh-CN': '字段 ID "{field}" 在实体中出现了两次',
      en: 'the field id "{field}" is used twice in the entity',
    },
    hint: {
      'zh-CN': '字段 ID 在实体内必须唯一；给其中一个字段换一个新 ID',
      en: 'field ids must be unique within an entity; give one of the fields a new id',
    },
  },
  RL5121: {
    severity: 'error',
    title: 'duplicate option id',
    message: {
      'zh-CN': '字段 "{field}" 的选项 ID "{option}" 重复',
      en: 'the option id "{option}" of the field "{field}" is used twice',
    },
    hint: {
      'zh-CN': '数据保存的是选项 ID，同一字段的选项 ID 必须唯一',
      en: 'data holds option ids, so they must be unique within a field',
    },
  },
  RL5122: {
    severity: 'error',
    title: 'unknown title field',
    message: {
      'zh-CN': '标题字段 "{field}" 不是该实体的字段',
      en: 'the title field "{field}" is not a field of the entity',
    },
    hint: {
      'zh-CN': '改成已有字段的 ID：{known}',
      en: 'use the id of one of its fields: {known}',
    },
  },
  RL5123: {
    severity: 'error',
    title: 'limits contradict',
    message: {
      'zh-CN': '"{field}" 的下限 {low} 大于上限 {high}，没有值能满足',
      en: '"{field}" has a lower limit {low} above its upper limit {high}: no value can satisfy both',
    },
    hint: {
      'zh-CN': '调小下限或调大上限',
      en: 'lower the lower limit or raise the upper one',
    },
  },
  RL5124: {
    severity: 'error',
    title: 'invalid default',
    message: {
      'zh-CN': '字段 "{field}" 的默认值不合法：{detail}',
      en: 'the default of the field "{field}" is invalid: {detail}',
    },
    hint: {
      'zh-CN': '默认值必须符合字段类型、选项和上下限',
      en: 'a default must fit the field type, its options and its limits',
    },
  },
  RL5125: {
    severity: 'error',
    title: 'computed fields in a cycle',
    message: {
      'zh-CN': '计算字段互相依赖，形成循环：{cycle}',
      en: 'computed fields depend on each other in a cycle: {cycle}',
    },
    hint: {
      'zh-CN': '改写其中一个公式，使它不再读取依赖它的字段；在此之前，循环中的字段计算结果为空',
      en: 'rewrite one of the expressions so that it no longer reads a field that depends on it; until then the fields of the cycle stay empty',
    },
  },
  RL5126: {
    severity: 'warning',
    title: 'field removed',
    message: {
      'zh-CN': '字段 "{field}" 已被删除：已有记录中保存在该字段下的数据将失去归属',
      en: 'the field "{field}" was removed: data records hold under it would be orphaned',
    },
    hint: {
      'zh-CN': '只想改显示名称时，请保留字段 ID、只改 label；确需删除时，先导出或迁移这部分数据',
      en: 'to change what people see, keep the id and change the label; to remove it for good, export or migrate its data first',
    },
  },
  RL5127: {
    severity: 'warning',
    title: 'field id renamed',
    message: {
      'zh-CN':
        '字段 ID "{from}" 似乎被改成了 "{to}"（名称和类型都相同）：修改字段 ID 是一次数据迁移',
      en: 'the field id "{from}" seems renamed to "{to}" (same label and type): renaming a field id is a data migration',
    },
    hint: {
      'zh-CN':
        '只想改名称时，恢复原 ID "{from}" 并修改 label；确需改 ID 时，先把已有数据从 "{from}" 迁移到 "{to}"，并更新引用它的表单、公式、流程和自动化',
      en: 'to rename what people see, restore the id "{from}" and change the label; to change the id, first move existing data from "{from}" to "{to}" and update the forms, formulas, pipelines and automations that use it',
    },
  },
  RL5128: {
    severity: 'warning',
    title: 'field type changed',
    message: {
      'zh-CN': '字段 "{field}" 的类型从 {from} 改成了 {to}：已有数据可能不再符合',
      en: 'the type of the field "{field}" changed from {from} to {to}: existing data may no longer fit',
    },
    hint: {
      'zh-CN': '先转换已有数据，或新建一个字段并保留旧字段',
      en: 'convert the existing data first, or add a new field and keep the old one',
    },
  },
  RL5129: {
    severity: 'warning',
    title: 'option removed',
    message: {
      'zh-CN': '字段 "{field}" 删除了选项 "{option}"：已选该项的记录将不再有效',
      en: 'the option "{option}" of the field "{field}" was removed: records that hold it become invalid',
    },
    hint: {
      'zh-CN': '只想改显示文字时保留选项 ID、只改 label；确需删除时先把这些记录改成其他选项',
      en: 'to change its text, keep the option id and change the label; to remove it, move those records to another option first',
    },
  },

  // ─── Form definitions ─────────────────────────────────────────────────────────────────
  RL5130: {
    severity: 'error',
    title: 'form of an unknown entity',
    message: {
      'zh-CN': '表单所属的实体 "{entity}" 不存在',
      en: 'the form is for the unknown entity "{entity}"',
    },
    hint: {
      'zh-CN': '已有的实体：{known}。检查拼写，或先添加该实体',
      en: 'known entities: {known}. Check the spelling, or add the entity first',
    },
  },
  RL5131: {
    severity: 'error',
    title: 'unknown field on a form',
    message: {
      'zh-CN': '实体 "{entity}" 没有字段 "{field}"',
      en: 'the entity "{entity}" has no field "{field}"',
    },
    hint: {
      'zh-CN': '表单按字段 ID 引用实体的字段。已有字段：{known}',
      en: 'forms refer to the fields of their entity by id. Known fields: {known}',
    },
  },
  RL5132: {
    severity: 'error',
    title: 'field twice on a form',
    message: {
      'zh-CN': '字段 "{field}" 在表单中出现了两次',
      en: 'the field "{field}" appears twice on the form',
    },
    hint: {
      'zh-CN': '删除其中一处；同一字段在一个表单中只能出现一次',
      en: 'remove one of them; a field can appear once per form',
    },
  },
  RL5133: {
    severity: 'warning',
    title: 'list limit on a single-value field',
    message: {
      'zh-CN': '字段 "{field}" 不是列表，"{property}" 不起作用',
      en: '"{property}" has no effect on the field "{field}", which is not a list',
    },
    hint: {
      'zh-CN': 'minItems 和 maxItems 只用于多选、标签和文件字段；单值字段请用"必填"',
      en: 'minItems and maxItems apply to multi-choice, tag and file fields; use required for single values',
    },
  },
  RL5134: {
    severity: 'error',
    title: 'rule highlights an unknown field',
    message: {
      'zh-CN': '校验规则 "{rule}" 要标记的字段 "{field}" 不是实体的字段',
      en: 'the rule "{rule}" highlights "{field}", which is not a field of the entity',
    },
    hint: {
      'zh-CN': '改成实体字段的 ID。已有字段：{known}',
      en: 'use the id of an entity field. Known fields: {known}',
    },
  },
  RL5135: {
    severity: 'warning',
    title: 'create form leaves out a required field',
    message: {
      'zh-CN': '新建表单缺少必填字段 "{field}"（且无默认值），用该表单无法保存记录',
      en: 'the create form leaves out the required field "{field}", which has no default: records cannot be saved from it',
    },
    hint: {
      'zh-CN': '把该字段加到表单上，或在实体中给它设置默认值',
      en: 'add the field to the form, or give it a default in the entity',
    },
  },
  RL5136: {
    severity: 'error',
    title: 'duplicate id on a form',
    message: {
      'zh-CN': '表单中的{what} ID "{id}" 重复',
      en: 'the {what} id "{id}" is used twice on the form',
    },
    hint: {
      'zh-CN': '测试和追踪按 ID 引用它们，ID 必须唯一',
      en: 'tests and traces refer to them by id, so ids must be unique',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
