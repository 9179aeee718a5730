/** The icon of each palette entry (Ant Design icons). */
import {
  AimOutlined,
  CalendarOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  ClockCircleOutlined,
  DownSquareOutlined,
  FieldNumberOutlined,
  FileTextOutlined,
  FontSizeOutlined,
  LinkOutlined,
  MailOutlined,
  MoneyCollectOutlined,
  PaperClipOutlined,
  PercentageOutlined,
  PhoneOutlined,
  SwapOutlined,
  TagsOutlined,
  UserOutlined,
  CheckCircleOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

const ICONS: Readonly<Record<string, ReactNode>> = {
  text: <FontSizeOutlined />,
  textarea: <FileTextOutlined />,
  phone: <PhoneOutlined />,
  email: <MailOutlined />,
  url: <GlobalOutlined />,
  number: <FieldNumberOutlined />,
  money: <MoneyCollectOutlined />,
  percent: <PercentageOutlined />,
  date: <CalendarOutlined />,
  datetime: <ClockCircleOutlined />,
  dropdown: <DownSquareOutlined />,
  radio: <CheckCircleOutlined />,
  'multi-enum': <CheckSquareOutlined />,
  boolean: <SwapOutlined />,
  user: <UserOutlined />,
  ref: <LinkOutlined />,
  attachment: <PaperClipOutlined />,
  photo: <CameraOutlined />,
  geo: <AimOutlined />,
  tags: <TagsOutlined />,
};

/**
 * The icon of a palette key.
 *
 * @example
 * fieldIcon('dropdown');
 */
export function fieldIcon(key: string): ReactNode {
  return ICONS[key] ?? <FontSizeOutlined />;
}
