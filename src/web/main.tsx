import '@utrecht/design-tokens/dist/index.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/content.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './app/query-client.ts';
import { createI18n } from './i18n/i18n.ts';
import { createAppRouter } from './routes.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

const i18n = createI18n();
const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
