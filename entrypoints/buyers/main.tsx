import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BuyersApp } from './BuyersApp';
import '@/assets/ui.css';
import './buyers.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BuyersApp />
  </StrictMode>,
);
