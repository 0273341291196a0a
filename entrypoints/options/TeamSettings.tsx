import { useEffect, useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { useAction } from '@/components/use-action';
import { act } from '@/lib/messaging/actions';
import { useI18n } from '@/lib/i18n/react';
import { TEAM_STATUS_KEY as STATUS_KEY, teamStatusSchema, type TeamStatus } from '@/lib/schema/team';

const NONE: TeamStatus = { state: 'none', waiting: 0, readOnly: false };

/** The team connection as the background publishes it (storage.local), followed live. */
function useTeamStatus(): TeamStatus {
  const [status, setStatus] = useState<TeamStatus>(NONE);
  useEffect(() => {
    const read = (value: unknown) => setStatus(teamStatusSchema.safeParse(value).data ?? NONE);
    // What the background says now (a worker Chrome stopped starts again and connects); what it last published meanwhile.
    void browser.storage.local.get(STATUS_KEY).then((stored) => read(stored[STATUS_KEY]));
    void act('team/status', {}).then(read, (error: unknown) => console.error('[BuyerLens] team status not read', error));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && STATUS_KEY in changes) read(changes[STATUS_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return status;
}

function StatusLine({ status }: { status: TeamStatus }) {
  const { t } = useI18n();
  const state = status.state !== 'none' && status.waiting > 0 && status.state !== 'refused' ? 'waiting' : status.state;
  const text =
    state === 'waiting' ? t('team.status.waiting', { count: status.waiting }) : state === 'refused' ? t('team.status.refused', { message: status.message ?? '' }) : t(`team.status.${state}`);
  return (
    <p className={`team-status team-${state}`} data-testid="team-status" data-state={state} role="status">
      <strong>{text}</strong>
      {status.server && <span className="muted"> · {status.server}</span>}
      {status.readOnly && <span className="muted"> · {t('team.readOnly')}</span>}
    </p>
  );
}

export function TeamSettings() {
  const { t } = useI18n();
  const status = useTeamStatus();
  const { run, error, busy } = useAction();
  const [code, setCode] = useState('');
  const joined = status.state !== 'none';
  return (
    <section className="section" aria-labelledby="team-title" data-testid="team-settings">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="muted">{t('team.hint')}</p>
      <StatusLine status={status} />
      <label className="field">
        <span>{joined ? t('team.inviteOther') : t('team.invite')}</span>
        <input type="text" data-testid="team-invite" value={code} spellCheck={false} autoComplete="off" placeholder="BL1.…" onChange={(e) => setCode(e.target.value)} />
      </label>
      <div className="row-actions">
        <button type="button" data-testid="team-join" disabled={busy || !code.trim()} onClick={() => void run('team/join', { code }).then((done) => done && setCode(''))}>
          {t('team.join')}
        </button>
        {joined && (
          <button type="button" className="small-button" data-testid="team-leave" disabled={busy} onClick={() => void run('team/leave', {})}>
            {t('team.leave')}
          </button>
        )}
      </div>
      <ActionErrorText error={error} />
    </section>
  );
}
