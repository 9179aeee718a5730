/**
 * The dialogs that add and rename a definition file (the id is checked like any id: a
 * letter first, then letters, digits, - or _; unique in its folder).
 */
import { Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { addFileRecipe, renameFileRecipe } from '../app/fileOps.js';
import type { AppList, KindInfo } from '../app/kinds.js';
import { useI18n } from '../i18n/I18n.js';
import { useDesignerStore } from '../store/DesignerStore.js';

const ID_PATTERN = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u;

/**
 * The dialog that creates a new file of a kind.
 *
 * @example
 * <AddFileDialog info={KINDS[1]} onClose={() => setAdding(undefined)} />
 */
export function AddFileDialog(props: {
  readonly info: KindInfo;
  readonly onClose: () => void;
}): ReactNode {
  const { t } = useI18n();
  const store = useDesignerStore();
  const [id, setId] = useState('');
  const path = `${props.info.folder}/${id}.json`;
  const valid = ID_PATTERN.test(id) && store.files[path] === undefined;
  const submit = (): void => {
    if (!valid) return;
    store.edit(addFileRecipe(props.info, id), { select: path });
    props.onClose();
  };
  return (
    <Modal
      open
      title={t('newFileTitle', { kind: t(`kind.${props.info.list}`) })}
      okText={t('ok')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !valid }}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('fileIdLabel')}
          validateStatus={id !== '' && !valid ? 'error' : undefined}
          help={id !== '' && !valid ? t('invalidId') : `${path}`}
        >
          <Input
            autoFocus
            data-testid="add-file-id"
            value={id}
            onChange={(event) => setId(event.target.value.trim())}
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
