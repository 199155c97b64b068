import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/api/compose';
import type { MessageDetail } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { api } from '../../lib/bridge';
import { useFolders } from '../folders/mailboxStore';
import { openResponse, openStoredDraft } from './openComposer';
import type { ResponseKind } from './replyDraft';
import './notices.css';

const ACTIONS: Array<{ kind: ResponseKind; label: 'composer.reply' | 'composer.replyAll' | 'composer.forward' | 'composer.forwardAsAttachment' }> = [
  { kind: 'reply', label: 'composer.reply' },
  { kind: 'replyAll', label: 'composer.replyAll' },
  { kind: 'forward', label: 'composer.forward' },
  { kind: 'forwardAsAttachment', label: 'composer.forwardAsAttachment' },
];

/** For a message in the Drafts folder: the local draft it is the server copy of, once the core has answered. */
function useStoredDraft(message: MessageDetail, inDrafts: boolean): Draft | null {
  const [found, setFound] = useState<{ messageId: number; draft: Draft | null } | null>(null);
  useEffect(() => {
    if (!inDrafts) return;
    let current = true;
    api.compose.draftForMessage(message.id).then(
      (draft) => current && setFound({ messageId: message.id, draft }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [inDrafts, message.id]);
  return inDrafts && found?.messageId === message.id ? found.draft : null;
}

/** Reply, Reply all and Forward for the message in the reader; Edit for one of the user's own drafts. */
export function ResponseButtons({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  const inDrafts = useFolders().some((folder) => folder.id === message.folderId && folder.role === 'drafts');
  const draft = useStoredDraft(message, inDrafts);
  return (
    <div className="response-buttons" role="toolbar" aria-label={t('composer.reply')}>
      {draft && (
        <button type="button" className="button button--small button--primary" onClick={() => openStoredDraft(draft)}>
          <Icon name="drafts" size={14} />
          {t('composer.editDraft')}
        </button>
      )}
      {ACTIONS.map(({ kind, label }) => (
        <button key={kind} type="button" className="button button--small" onClick={() => void openResponse(message, kind)}>
          {kind === 'forward' || kind === 'forwardAsAttachment' ? <Icon name="external" size={14} /> : <Icon name="reply" size={14} />}
          {t(label)}
        </button>
      ))}
    </div>
  );
}
