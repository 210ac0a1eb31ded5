import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectCore } from './app/coreClient';
import { reportUnhandledErrors } from './app/reportUnhandledErrors';
import { startApp } from './app/startApp';
import { initI18n } from './i18n/i18n';
import './styles.css';

async function main(): Promise<void> {
  // The socket's handshake goes on while the words load: the first view waits on both.
  const client = connectCore();
  await initI18n();
  reportUnhandledErrors(window, client);
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await startApp(client);
}

void main();
