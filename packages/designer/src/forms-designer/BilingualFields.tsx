/**
 * A label edited in both languages: a Chinese input and an English input, written back
 * as the smallest localized text (see ./bilingual).
 */
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { bilingualOf, localizedOf } from './bilingual.js';

/**
 * Two inputs for one localized text.
 *
 * @example
 * <BilingualFields value={form.label} labels={['表单标题（中文）', '表单标题（英文）']} testId="form-title" onChange={…} />
 */
export function BilingualFields(props: {
  readonly value: unknown;
  /** The labels of the Chinese and the English input. */
  readonly labels: readonly [zh: string, en: string];
  /** `<testId>-zh` and `<testId>-en` name the inputs for tests. */
  readonly testId: string;
  readonly multiline?: boolean;
  /** The new localized text; `undefined` when both are empty. */
  readonly onChange: (next: unknown, locale: 'zh-CN' | 'en') => void;
}): ReactNode {
  const texts = bilingualOf(props.value);
  const input = (locale: 'zh-CN' | 'en'): ReactNode => {
    const shared = {
      'data-testid': `${props.testId}-${locale === 'zh-CN' ? 'zh' : 'en'}`,
      'aria-label': locale === 'zh-CN' ? props.labels[0] : props.labels[1],
      value: texts[locale],
      onChange: (event: { target: { value: string } }) => {
        const next = { ...texts, [locale]: event.target.value };
        props.onChange(localizedOf(next['zh-CN'], next.en), locale);
      },
    };
    return props.multiline ? (
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} {...shared} />
    ) : (
      <Input {...shared} />
    );
  };
  return (
    <>
      <Form.Item label={props.labels[0]}>{input('zh-CN')}</Form.Item>
      <Form.Item label={props.labels[1]}>{input('en')}</Form.Item>
    </>
  );
}
