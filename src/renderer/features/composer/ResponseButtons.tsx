import { useTranslation } from 'react-i18next';
import type { MessageDetail } from '../../../shared/types';
import { Icon } from '../../components/Icon';
import { openResponse } from './openComposer';
import type { ResponseKind } from './replyDraft';

const ACTIONS: Array<{ kind: ResponseKind; label: 'composer.reply' | 'composer.replyAll' | 'composer.forward'}> = [
  { kind: 'reply', label: 'composer.reply' },
  { kind: 'replyAll', label: 'composer.replyAll' },
  { kind: 'forward', label: 'composer.forward' },
];

/** Reply, Reply all and Forward for the message in the reader. */
export function ResponseButtons({ message }: { message: MessageDetail }) {
  const { t } = useTranslation();
  return (
    <div className="response-buttons" role="toolbar" aria-label={t('composer.reply')}>
      {ACTIONS.map(({ kind, label }) => (
        <button key={kind} type="button" className="button button--small" onClick={() => openResponse(message, kind)}>
          {kind === 'forward' ? <Icon name="external" size={14} /> : <Icon name="reply" size={14} />}
          {t(label)}
        </button>
      ))}
    </div>
  );
}
