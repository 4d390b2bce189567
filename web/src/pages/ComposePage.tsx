import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

export function ComposePage() {
  const t = useT();
  const [format, setFormat] = useState('html');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true); setError('');
    try {
      const blob = await api.postFile(`/compose?format=${format}`, file);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${file.name.replace(/\.[^.]+$/, '')}.${format}`;
      a.click();
    } catch (e) { setError(String((e as Error).message)); } finally { setBusy(false); }
  };
  return (
    <div className="panel">
      <p>{t('composeHelp')}</p>
      <p><a href="/api/template">{t('template')}</a> · <a href="/api/template?kind=budget" data-testid="budget-template">{t('budgetTemplate')}</a></p>
      <label>{t('format')} <select value={format} onChange={(e) => setFormat(e.target.value)}>{['html', 'docx', 'xlsx', 'pdf'].map((f) => <option key={f}>{f}</option>)}</select></label>{' '}
      <input type="file" accept=".xlsx,.json" onChange={(e) => void send(e.target.files?.[0])} disabled={busy} data-testid="compose-input" />
      {busy && <p>…</p>}
      {error && <pre className="error-text" data-testid="compose-error">{error}</pre>}
    </div>
  );
}
