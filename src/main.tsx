import { render } from 'preact';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/header.css';
import './styles/compose.css';
import './styles/notices.css';
import './styles/panels.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
