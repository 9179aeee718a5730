/**
 * The dialogs that add and rename a definition file (the id is checked like any id: a
 * letter — 汉字 included — or _ first, then letters, digits, - or _; unique in its folder).
 */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { addFileRecipe, renameFileRecipe } from '../app/fileOps.js';
import type { AppList, KindInfo } from '../app/kinds.js';
import {
  entityChoices,
  modeFromName,
  needsEntity,
  suggestId,
  type FormMode,
  type NewFileChoice,
} from '../app/newFile.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';

const ID_PATTERN = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;
const FORM_MODES: readonly FormMode[] = ['create', 'edit', 'view'];

/**
 * The dialog that creates a new file of a kind: its name first (the form's title, the
 * entity's name…), the entity it is built on and, for a form, what it is used for; the id
 * follows the name until the admin edits it.
 *
 * @example
 * <AddFileDialog info={KINDS[1]} onClose={() => setAdding(undefined)} />
 */
export function AddFileDialog(props: {
  readonly info: KindInfo;
  readonly onClose: () => void;
}): ReactNode {
  const { t, text, locale } = useI18n();
  const store = useDesignerStore();
  const { info } = props;
  const entities = useMemo(() => entityChoices(store.files), [store.files]);
  const withEntity = needsEntity(info);
  const [name, setName] = useState('');
  const [entity, setEntity] = useState(entities[0]?.id);
  const [mode, setMode] = useState<FormMode>();
  const [typedId, setTypedId] = useState<string>();
  const taken = useMemo(
    () =>
      new Set(
        Object.keys(store.files)
          .filter((path) => path.startsWith(`${info.folder}/`))
          .map((path) => path.slice(info.folder.length + 1).replace(/\.json$/, '')),
      ),
    [store.files, info.folder],
  );
  const formMode = mode ?? modeFromName(name);
  const choice: NewFileChoice = {
    name,
    nameLocale: locale,
    entity: withEntity ? entity : undefined,
    mode: info.kind === 'form' ? formMode : undefined,
  };
  const id = typedId ?? suggestId(info, choice, taken);
  const path = `${info.folder}/${id}.json`;
  const idValid = ID_PATTERN.test(id) && store.files[path] === undefined;
  const valid = idValid && (!withEntity || entity !== undefined);
  const submit = (): void => {
    if (!valid) return;
    store.edit(addFileRecipe(info, id, choice), { select: path });
    props.onClose();
  };
  return (
    <Modal
      open
      title={t('newFileTitle', { kind: t(`kind.${info.list}`) })}
      okText={t('ok')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !valid }}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('newFileNameLabel')}>
          <Input
            autoFocus
            data-testid="add-file-name"
            placeholder={t(`newFileNamePlaceholder.${info.list}`)}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={submit}
          />
        </Form.Item>
        {withEntity &&
          (entities.length === 0 ? (
            <Alert type="warning" showIcon title={t('noEntityYet')} className="add-file-alert" />
          ) : (
            <Form.Item label={t('newFileEntityLabel')} extra={t('newFileEntityHint')}>
              <Select
                data-testid="add-file-entity"
                value={entity}
                onChange={setEntity}
                options={entities.map((e) => ({ value: e.id, label: text(e.label, e.id) }))}
              />
            </Form.Item>
          ))}
        {info.kind === 'form' && (
          <Form.Item label={t('formMode')}>
            <Select
              data-testid="add-file-mode"
              value={formMode}
              onChange={setMode}
              options={FORM_MODES.map((value) => ({ value, label: t(`mode.${value}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('fileIdLabel')}
          validateStatus={!idValid ? 'error' : undefined}
          help={!idValid ? t('invalidId') : t('fileIdHelp', { path })}
        >
          <Input
            data-testid="add-file-id"
            value={id}
            onChange={(event) => setTypedId(event.target.value.trim())}
            onPressEnter={submit}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The dialog that renames a file (its path; app.json follows).
 *
 * @example
 * <RenameDialog path="forms/a.json" list="forms" onClose={close} />
 */
export function RenameDialog(props: {
  readonly path: string;
  readonly list: AppList;
  readonly onClose: () => void;
}): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const folder = props.path.includes('/')
    ? props.path.slice(0, props.path.lastIndexOf('/') + 1)
    : '';
  const [name, setName] = useState(props.path.slice(folder.length).replace(/\.json$/, ''));
  const to = `${folder}${name}.json`;
  const valid = ID_PATTERN.test(name) && (to === props.path || store.files[to] === undefined);
  const submit = (): void => {
    if (!valid) return;
    store.edit(renameFileRecipe(props.path, to, props.list), { select: to });
    props.onClose();
  };
  return (
    <Modal
      open
      title={t('renameTitle')}
      okText={t('ok')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !valid }}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('fileNameLabel')}
          validateStatus={!valid ? 'error' : undefined}
          help={!valid ? t('invalidId') : to}
        >
          <Input
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value.trim())}
            onPressEnter={submit}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
