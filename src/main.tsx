import { render } from 'preact';
import { App } from './app/App.tsx';
import { mountPoint } from './app/shell/mount.ts';
import { initialLanguage } from './i18n/initial-language.ts';
import './styles/base.css';
import './styles/header.css';
import './styles/compose.css';
import './styles/notices.css';
import './styles/panels.css';
import './styles/views.css';

const language = initialLanguage();
render(<App initialLanguage={language} />, mountPoint(language));
