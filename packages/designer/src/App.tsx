/**
 * The designer app: Ant Design in the UI language (zh-CN first), the store, the compiled
 * app, and the shell.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { CompiledAppProvider } from './compile/useCompiledApp.js';
import { I18nProvider, useI18n } from './i18n/I18n.js';
import { Shell } from './shell/Shell.js';
import { DesignerStoreProvider } from './store/DesignerStore.js';

function Themed(): ReactNode {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
    >
      <AntApp>
        <DesignerStoreProvider>
          <CompiledAppProvider>
            <Shell />
          </CompiledAppProvider>
        </DesignerStoreProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/**
 * The root component.
 *
 * @example
 * createRoot(element).render(<App />);
 */
export function App(): ReactNode {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
