/**
 * Who acts: a user of the directory (with their roles), the system, or any other user by id
 * with the roles typed in — gates with `allowedRoles` and approvals check them.
 */
import { UserOutlined } from '@ant-design/icons';
import type { Actor } from '@ruleloom/engine';
import { Input, Select, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { StepWords } from './stepView.js';

const SYSTEM = '\u0000system';
const OTHER = '\u0000other';

/**
 * The actor picker.
 *
 * @example
 * <ActorPicker words={words} actor={actor} onChange={setActor} />
 */
export function ActorPicker(props: {
  readonly words: StepWords;
  readonly actor: Actor | undefined;
  readonly onChange: (actor: Actor | undefined) => void;
}): ReactNode {
  const { t, users, names, app } = props.words;
  const known = props.actor !== undefined && users.some((u) => u.id === props.actor?.id);
  const [other, setOther] = useState(props.actor !== undefined && !known);
  const selected = props.actor === undefined ? SYSTEM : other ? OTHER : props.actor.id;
  const roleLabel = names.role;
  return (
    <Space orientation="vertical" size={6} className="sim-actor">
      <Select
        value={selected}
        prefix={<UserOutlined />}
        aria-label={t('sim.actor')}
        data-testid="sim-actor"
        className="sim-wide"
        popupMatchSelectWidth={false}
        onChange={(value: string) => {
          if (value === SYSTEM) {
            setOther(false);
            props.onChange(undefined);
          } else if (value === OTHER) {
            setOther(true);
            props.onChange({ id: props.actor?.id ?? 'user', roles: props.actor?.roles ?? [] });
          } else {
            setOther(false);
            const user = users.find((u) => u.id === value);
            props.onChange({ id: value, roles: user?.roles ?? [] });
          }
        }}
        options={[
          ...users.map((user) => ({
            value: user.id,
            label: `${names.user(user.id)}${user.roles && user.roles.length > 0 ? ` · ${user.roles.map(roleLabel).join('、')}` : ''}`,
          })),
          { value: SYSTEM, label: t('sim.actorSystem') },
          { value: OTHER, label: t('sim.actorOther') },
        ]}
      />
      {other && props.actor && (
        <Space.Compact className="sim-wide">
          <Input
            value={props.actor.id}
            placeholder={t('sim.actorId')}
            aria-label={t('sim.actorId')}
            onChange={(event) =>
              props.onChange({ id: event.target.value, roles: props.actor?.roles ?? [] })
            }
          />
          <Select
            mode="tags"
            value={[...(props.actor.roles ?? [])]}
            placeholder={t('sim.actorRoles')}
            aria-label={t('sim.actorRoles')}
            className="sim-roles"
            onChange={(roles: string[]) => props.onChange({ id: props.actor?.id ?? '', roles })}
            options={(app.manifest.roles ?? []).map((role) => ({
              value: role.id,
              label: roleLabel(role.id),
            }))}
          />
        </Space.Compact>
      )}
    </Space>
  );
}
