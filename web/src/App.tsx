import { useEffect, useState } from 'react';
import { LangContext, useT, type Lang } from './i18n';
import { UploadPage } from './pages/UploadPage';
import { CorpusPage } from './pages/CorpusPage';
import { DocumentPage } from './pages/DocumentPage';
import { ComparePage } from './pages/ComparePage';
import { ComposePage } from './pages/ComposePage';
import { BatchPage } from './pages/BatchPage';
import { setCsrf } from './api';
import { SignIn } from './SignIn';

function useHashRoute(): string {
  const [hash, setHash] = useState(location.hash || '#/upload');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/upload');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function Nav({ route }: { route: string }) {
  const t = useT();
  const links = [['#/upload', t('upload')], ['#/corpus', t('corpus')], ['#/compare', t('compare')], ['#/compose', t('compose')]] as const;
  return (
    <nav>
      {links.map(([href, label]) => (
        <a key={href} href={href} className={route.startsWith(href) ? 'active' : ''}>{label}</a>
      ))}
    </nav>
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>((localStorage.getItem('lang') as Lang) || 'zh');
  const route = useHashRoute();
  useEffect(() => { localStorage.setItem('lang', lang); document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }, [lang]);
  // multi-user mode: without a session every API route answers 401, so sign in first
  const [signIn, setSignIn] = useState(false);
  useEffect(() => {
    fetch('/api/me', { credentials: 'same-origin' })
      .then(async (r) => { if (r.status === 401) setSignIn(true); else { const m = (await r.json()) as { csrf?: string }; if (m.csrf) setCsrf(m.csrf); } })
      .catch(() => {});
  }, []);
  const [, page, arg] = /^#\/([a-z]+)\/?(.*)$/.exec(route) ?? [];
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <header>
        <h1>决算 · juesuan</h1>
        <Nav route={route} />
        <button className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{lang === 'zh' ? 'English' : '中文'}</button>
      </header>
      <main>
        {signIn ? <SignIn onDone={(token) => { setCsrf(token); setSignIn(false); }} />
          : page === 'corpus' ? <CorpusPage />
          : page === 'doc' ? <DocumentPage key={arg} id={Number(arg)} />
          : page === 'compare' ? <ComparePage key={arg} query={arg ?? ''} />
          : page === 'compose' ? <ComposePage />
          : page === 'batch' ? <BatchPage ids={(arg ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)} />
          : <UploadPage />}
      </main>
    </LangContext.Provider>
  );
}
