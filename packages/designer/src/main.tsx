import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { prefetchServedApp } from './io/serverApi.js';
import './styles.css';

// Ask `ruleloom serve` for the app while React renders the shell.
void prefetchServedApp();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
