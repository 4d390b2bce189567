import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface UploadResult { id: number; created: boolean; status: string; error?: string }

export function UploadPage() {
  const t = useT();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true); setError('');
    try {
      const r = await api.upload<UploadResult>(file);
      if (r.status === 'unreadable') setError(`${t('unreadable')}: ${r.error ?? ''}`);
      else location.hash = `#/doc/${r.id}`;
    } catch (e) { setError(String((e as Error).message)); } finally { setBusy(false); }
  };
  return (
    <div>
      <label className={`drop ${over ? 'over' : ''}`} data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void send(e.dataTransfer.files[0]); }}>
        <p>{busy ? t('uploading') : t('dropHere')}</p>
        <input type="file" data-testid="file-input" style={{ display: 'none' }} onChange={(e) => void send(e.target.files?.[0])} />
      </label>
      {error && <p className="error-text" data-testid="upload-error">{error}</p>}
    </div>
  );
}
