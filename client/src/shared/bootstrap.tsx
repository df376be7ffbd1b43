import { ApolloProvider } from '@apollo/client/react';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo';
import { loadConfig, type ClientConfig } from './config';
import { ConfigContext } from './config-context';
import { I18nProvider } from './i18n';
import { refreshSession } from './session-api';
import './styles.css';

/**
 * Starts an app: its configuration and the session its cookie holds (a reload stays signed in),
 * then its GraphQL client, language and routes.
 */
export async function bootstrap(app: (config: ClientConfig) => ReactNode): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const [config] = await Promise.all([loadConfig(), refreshSession()]);
    root.render(
      <StrictMode>
        <ConfigContext.Provider value={config}>
          <ApolloProvider client={createApolloClient(config)}>
            <I18nProvider>{app(config)}</I18nProvider>
          </ApolloProvider>
        </ConfigContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <p role="alert">
        The shop could not start ({String(error)}). Reload the page; if it persists, the server is
        down.
      </p>,
    );
  }
}
