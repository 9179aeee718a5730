import type { CatalogueEntry } from '../types.js';

/**
 * Pipelines: stages, transitions, gates and approvals (RL52xx). RL5201–RL5249 are found
 * when a pipeline compiles; RL5250 and up are what a rep or an approver is told at run time
 * (a gate that blocks a move, a decision that is not theirs to make, a step nobody can decide).
 */
export const pipelinesCatalogue = {
  RL5201: {
    severity: 'error',
    title: 'unknown entity',
    message: {
      'zh-CN': '流程所属的对象 "{entity}" 不存在',
      en: 'the pipeline is for the entity "{entity}", which does not exist',
    },
    hint: {
      'zh-CN': '改成应用中已有的对象 ID（{known}），或先在 entities 中添加该对象',
      en: 'use the id of an entity of the app ({known}), or add the entity under entities first',
    },
  },
  RL5202: {
    severity: 'error',
    title: 'stage field is not a field',
    message: {
      'zh-CN': '阶段字段 "{field}" 不是对象 "{entity}" 的字段',
      en: 'the stage field "{field}" is not a field of the entity "{entity}"',
    },
    hint: {
      'zh-CN': '在对象中添加一个文本或枚举字段来保存阶段，或把 stageField 改成已有字段的 ID',
      en: 'add a text or enum field to the entity to hold the stage, or set stageField to an existing field id',
    },
  },
  RL5203: {
    severity: 'error',
    title: 'stage field cannot hold a stage',
    message: {
      'zh-CN': '阶段字段 "{field}" 是{type}字段，不能保存阶段 ID',
      en: 'the stage field "{field}" is a {type} field and cannot hold a stage id',
    },
    hint: {
      'zh-CN': '阶段字段应为文本或枚举类型',
      en: 'the stage field must be a text or enum field',
    },
  },
  RL5204: {
    severity: 'warning',
    title: 'stage is not an option of the stage field',
    message: {
      'zh-CN': '阶段 "{stage}" 不是枚举字段 "{field}" 的选项',
      en: 'the stage "{stage}" is not an option of the enum field "{field}"',
    },
    hint: {
      'zh-CN': '在字段的选项中添加 ID 为 "{stage}" 的选项，否则进入该阶段的记录无法保存',
      en: 'add an option with the id "{stage}" to the field, or records that enter the stage cannot be saved',
    },
  },
  RL5205: {
    severity: 'error',
    title: 'duplicate stage id',
    message: {
      'zh-CN': '阶段 ID "{stage}" 重复',
      en: 'the stage id "{stage}" is used more than once',
    },
    hint: {
      'zh-CN': '每个阶段的 ID 必须唯一；修改其中一个（名称可以相同）',
      en: 'every stage needs its own id; change one of them (labels may repeat)',
    },
  },
  RL5206: {
    severity: 'error',
    title: 'unknown stage',
    message: {
      'zh-CN': '阶段 "{stage}" 不存在',
      en: 'there is no stage "{stage}"',
    },
    hint: {
      'zh-CN': '改成流程中已有的阶段 ID：{known}',
      en: 'use the id of a stage of the pipeline: {known}',
    },
  },
  RL5207: {
    severity: 'error',
    title: 'duplicate transition id',
    message: {
      'zh-CN': '流转 ID "{transition}" 重复',
      en: 'the transition id "{transition}" is used more than once',
    },
    hint: {
      'zh-CN': '每个流转的 ID 必须唯一，审批和追踪通过它找到流转',
      en: 'every transition needs its own id: approvals and traces find the transition by it',
    },
  },
  RL5208: {
    severity: 'warning',
    title: 'transition leaves a final stage',
    message: {
      'zh-CN': '阶段 "{stage}" 是终止阶段，从它出发的流转被忽略',
      en: 'the stage "{stage}" is final, so the transition from it is ignored',
    },
    hint: {
      'zh-CN': '从 from 中去掉该阶段，或取消该阶段的 final 标记',
      en: 'remove the stage from `from`, or make the stage not final',
    },
  },
  RL5209: {
    severity: 'error',
    title: 'unknown field',
    message: {
      'zh-CN': '对象 "{entity}" 没有字段 "{field}"',
      en: 'the entity "{entity}" has no field "{field}"',
    },
    hint: {
      'zh-CN': '使用字段 ID（不是字段名称）；字段改过 ID 时请一并更新流程',
      en: 'use the field id (not its label); if the field id was renamed, update the pipeline too',
    },
  },
  RL5210: {
    severity: 'error',
    title: 'not an attachment field',
    message: {
      'zh-CN': '字段 "{field}" 是{type}字段，不是附件或照片字段',
      en: 'the field "{field}" is a {type} field, not an attachment or photo field',
    },
    hint: {
      'zh-CN': '必填附件只能是附件或照片字段；其他字段请放到 requiredFields 中',
      en: 'required attachments must be attachment or photo fields; list other fields under requiredFields',
    },
  },
  RL5211: {
    severity: 'error',
    title: 'unknown role',
    message: {
      'zh-CN': '角色 "{role}" 未在应用中定义',
      en: 'the role "{role}" is not declared by the app',
    },
    hint: {
      'zh-CN': '在 app.json 的 roles 中添加该角色，或改成已有角色：{known}',
      en: 'declare the role under roles in app.json, or use one of: {known}',
    },
  },
  RL5212: {
    severity: 'error',
    title: 'approver field is not a user field',
    message: {
      'zh-CN': '审批人字段 "{field}" 是{type}字段，不是人员字段',
      en: 'the approver field "{field}" is a {type} field, not a user field',
    },
    hint: {
      'zh-CN': '按字段指定审批人时，字段必须是人员类型（如负责人 owner）',
      en: 'an approver given by field must come from a user field (such as owner)',
    },
  },
  RL5213: {
    severity: 'error',
    title: 'duplicate approval id',
    message: {
      'zh-CN': '流转 "{transition}" 中审批 ID "{approval}" 重复',
      en: 'the approval id "{approval}" is used more than once in the transition "{transition}"',
    },
    hint: {
      'zh-CN': '同一流转中的审批 ID 必须唯一，审批决定通过它找到审批',
      en: 'approval ids must be unique within a transition: decisions find the approval by it',
    },
  },
  RL5214: {
    severity: 'error',
    title: 'duplicate approval step id',
    message: {
      'zh-CN': '审批 "{approval}" 中步骤 ID "{step}" 重复',
      en: 'the step id "{step}" is used more than once in the approval "{approval}"',
    },
    hint: {
      'zh-CN': '同一审批中的步骤 ID 必须唯一',
      en: 'step ids must be unique within an approval',
    },
  },
  RL5215: {
    severity: 'warning',
    title: 'unreachable stage',
    message: {
      'zh-CN': '从初始阶段 "{initial}" 无法到达阶段 "{stage}"',
      en: 'the stage "{stage}" cannot be reached from the initial stage "{initial}"',
    },
    hint: {
      'zh-CN': '添加一个进入该阶段的流转，或删除该阶段',
      en: 'add a transition into the stage, or remove the stage',
    },
  },
  RL5216: {
    severity: 'warning',
    title: 'stage with no way out',
    message: {
      'zh-CN': '阶段 "{stage}" 不是终止阶段，但没有离开它的流转',
      en: 'the stage "{stage}" is not final but no transition leaves it',
    },
    hint: {
      'zh-CN': '添加一个从该阶段出发的流转，或把它标记为终止阶段（final）',
      en: 'add a transition out of the stage, or mark it final',
    },
  },
  RL5250: {
    severity: 'error',
    title: 'missing required field',
    message: {
      'zh-CN': '缺少必填字段「{field}」',
      en: 'missing required field "{field}"',
    },
    hint: {
      'zh-CN': '填写「{field}」后再推进阶段',
      en: 'fill in "{field}", then move the record on',
    },
  },
  RL5251: {
    severity: 'error',
    title: 'missing attachment',
    message: {
      'zh-CN': '缺少附件「{field}」',
      en: 'missing attachment "{field}"',
    },
    hint: {
      'zh-CN': '上传「{field}」后再推进阶段',
      en: 'attach "{field}", then move the record on',
    },
  },
  RL5252: {
    severity: 'error',
    title: 'no such move',
    message: {
      'zh-CN': '不能从「{from}」进入「{to}」',
      en: 'a record cannot move from "{from}" to "{to}"',
    },
    hint: {
      'zh-CN': '按流程中的流转逐步推进，或请管理员添加该流转',
      en: 'move through the stages the pipeline allows, or ask an admin to add the transition',
    },
  },
  RL5253: {
    severity: 'error',
    title: 'role not allowed to move',
    message: {
      'zh-CN': '只有以下角色可以执行此操作：{roles}',
      en: 'only these roles may make this move: {roles}',
    },
    hint: {
      'zh-CN': '请有权限的同事操作，或请管理员调整 allowedRoles',
      en: 'ask a colleague with one of the roles, or ask an admin to change allowedRoles',
    },
  },
  RL5260: {
    severity: 'error',
    title: 'no pending approval',
    message: {
      'zh-CN': '没有待处理的审批 "{approval}"',
      en: 'there is no pending approval "{approval}"',
    },
    hint: {
      'zh-CN': '该审批可能已通过、被驳回、被撤回或已撤销；请刷新后查看审批状态',
      en: 'it may already be approved, rejected, recalled or cancelled; reload and check its status',
    },
  },
  RL5261: {
    severity: 'error',
    title: 'not an approver',
    message: {
      'zh-CN': '你不是审批步骤「{step}」的审批人',
      en: 'you are not an approver of the step "{step}"',
    },
    hint: {
      'zh-CN': '该步骤的审批人是：{approvers}',
      en: 'the approvers of this step are: {approvers}',
    },
  },
  RL5262: {
    severity: 'error',
    title: 'already decided',
    message: {
      'zh-CN': '你已处理过审批步骤「{step}」',
      en: 'you have already decided on the step "{step}"',
    },
    hint: {
      'zh-CN': '每位审批人在一个步骤中只能处理一次；等待其他审批人处理',
      en: 'each approver decides once per step; wait for the other approvers',
    },
  },
  RL5263: {
    severity: 'error',
    title: 'a filing cannot be rejected',
    message: {
      'zh-CN': '「{step}」是备案步骤，只能确认备案，不能驳回',
      en: '"{step}" is a filing step: it can be acknowledged, not rejected',
    },
    hint: {
      'zh-CN': '如需驳回，请管理员把该步骤改为审批步骤（kind: approve）',
      en: 'to allow rejections, an admin can make it an approval step (kind: approve)',
    },
  },
  RL5264: {
    severity: 'error',
    title: 'only the requester may recall',
    message: {
      'zh-CN': '只有发起人 {requester} 可以撤回审批 "{approval}"',
      en: 'only the requester {requester} may recall the approval "{approval}"',
    },
    hint: {
      'zh-CN': '请发起人撤回，或由审批人驳回',
      en: 'ask the requester to recall it, or an approver to reject it',
    },
  },
  RL5265: {
    severity: 'error',
    title: 'no acting user',
    message: {
      'zh-CN': '审批 "{approval}" 的操作需要指明操作人',
      en: 'acting on the approval "{approval}" needs the acting user',
    },
    hint: {
      'zh-CN': '调用时在上下文中传入 actor（操作人的用户 ID 和角色）',
      en: 'pass actor (the user id and roles) in the context of the call',
    },
  },
  RL5266: {
    severity: 'error',
    title: 'approval step has no approver',
    message: {
      'zh-CN': '审批步骤「{step}」找不到审批人（{reasons}）',
      en: 'nobody can decide the approval step "{step}" ({reasons})',
    },
    hint: {
      'zh-CN':
        '在通讯录中设置上级或分配角色、填写审批人字段，或请管理员修改「{approval}」的审批人设置',
      en: 'set the manager or give the role in the directory, fill in the approver field, or ask an admin to change who approves "{approval}"',
    },
  },
} as const satisfies Record<string, CatalogueEntry>;
