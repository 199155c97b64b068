import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSummary } from '../../../shared/types';
import { EmptyState } from '../../components/EmptyState';
import { errorKey } from '../../lib/errors';
import { formatCount } from '../../lib/formatNumber';
import { useFormattingLocale, useNow } from '../../lib/hooks';
import { useFolders, useSelectedMailbox } from '../folders/mailboxStore';
import { MailboxSyncLine } from '../schedule/MailboxSyncLine';
import { useSettings } from '../settings/settingsStore';
import { ActionBar } from '../actions/ActionBar';
import { startDraggingRows, stopDraggingRows } from '../actions/dragRows';
import { oneMessageTarget } from '../actions/RowActionMenu';
import { SelectAllBox } from '../actions/SelectAllBox';
import { checkedState, checkedTarget } from '../actions/selectionTarget';
import { useActionShortcuts } from '../actions/useActionShortcuts';
import { useListContext } from '../actions/useListContext';
import { allChecked, anyChecked, checkedCount, isChecked, rangeBetween, rowsInRange, setChecked, tickableTotal, toggleChecked } from './checked';
import { MessageRow } from './MessageRow';
import { useSelectionStore } from './selectionStore';
import { MAX_WINDOW, useMessagePages } from './useMessagePages';

const ROW_HEIGHT = 78;

/** The middle pane: the open mailbox's messages, virtualised, driven by mouse or by ↑↓ / j k and Enter. */
export function MessageList() {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const now = useNow(60_000);
  const mailbox = useSelectedMailbox();
  const folders = useFolders();
  const { threaded } = useSettings();
  const pages = useMessagePages(mailbox, threaded);
  const { cache, error, version } = pages;
  const total = cache.total();
  const cursorIndex = useSelectionStore((state) => state.cursorIndex);
  const cursorMessageId = useSelectionStore((state) => state.cursorMessageId);
  const openMessageId = useSelectionStore((state) => state.openMessageId);
  const moveCursor = useSelectionStore((state) => state.moveCursor);
  const open = useSelectionStore((state) => state.open);
  const reset = useSelectionStore((state) => state.reset);
  const checked = useSelectionStore((state) => state.checked);
  const clearChecks = useSelectionStore((state) => state.clearChecks);
  const scrollRef = useRef<HTMLDivElement>(null);
  const context = useListContext();
  useActionShortcuts({ cache, total: total ?? 0, context });

  useEffect(() => reset(), [cache, reset]);

  // New rows arrived: if the message under the cursor moved (mail arrived above it, its date was corrected),
  // the cursor moves with it rather than landing on whatever took its place.
  useEffect(() => {
    if (cursorMessageId === null || cache.row(cursorIndex)?.id === cursorMessageId) return;
    const movedTo = cache.indexOf(cursorMessageId);
    if (movedTo !== null) moveCursor(movedTo, cursorMessageId);
  }, [version, cache, cursorIndex, cursorMessageId, moveCursor]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? -1;
  const { setVisibleRange } = pages;
  useEffect(() => {
    if (lastVisible >= firstVisible) setVisibleRange(firstVisible, lastVisible);
  }, [firstVisible, lastVisible, setVisibleRange]);

  const openRow = useCallback(
    (message: MessageSummary, index: number) => {
      open(message.id, index);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [open],
  );

  const { fetchRows } = pages;
  const checkRow = useCallback(
    (message: MessageSummary, index: number, range: boolean) => {
      const { checked: current, checkAnchor, setChecked: store } = useSelectionStore.getState();
      if (!range || checkAnchor === null) {
        store(toggleChecked(current, message), index);
        return;
      }
      // The whole range takes the state the clicked row takes, as in every mail client.
      const on = !isChecked(current, message);
      const { first, last } = rangeBetween(checkAnchor, index);
      rowsInRange(first, last, (at) => cache.row(at), fetchRows, MAX_WINDOW).then(
        (rows) => store(setChecked(useSelectionStore.getState().checked, rows, on), index),
        () => store(toggleChecked(current, message), index),
      );
    },
    [cache, fetchRows],
  );

  const dragRows = useCallback(
    (message: MessageSummary, event: DragEvent) => {
      const { checked: current } = useSelectionStore.getState();
      const tickable = tickableTotal(current, cache.total() ?? 0, (index) => cache.row(index));
      // A ticked row drags every ticked row with it; any other row goes alone.
      const fromChecks = isChecked(current, message) && anyChecked(current, tickable);
      const target = fromChecks ? checkedTarget(current, context, folders, tickable) : oneMessageTarget(message, context);
      const count = fromChecks ? checkedCount(current, tickable) : 1;
      startDraggingRows(event, target, t('actions.drag', { count, formattedCount: formatCount(count, locale) }));
    },
    [cache, context, folders, t, locale],
  );

  // Read on every render (rows arriving change it): what "select all" covers now, and selecting it.
  const tickable = tickableTotal(checked, total ?? 0, (index) => cache.row(index));
  const selectAll = () => useSelectionStore.getState().setChecked(allChecked(cache.row(0)?.date ?? null), null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!total || event.metaKey || event.ctrlKey || event.altKey) return;
    const step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const next = Math.min(total - 1, Math.max(0, cursorIndex + step));
      moveCursor(next, cache.row(next)?.id ?? null);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter') {
      const message = cache.row(cursorIndex);
      if (message) {
        event.preventDefault();
        open(message.id, cursorIndex);
      }
    }
  };

  const folder = mailbox.kind === 'folder' ? folders.find((candidate) => candidate.id === mailbox.folderId) : undefined;
  const title = mailbox.kind === 'unified' ? t('nav.allInboxes') : folder?.role && !folder.parentPath ? t(`roles.${folder.role}`) : (folder?.name ?? '');

  return (
    <section className="message-list" aria-label={t('app.messages')}>
      {anyChecked(checked, tickable) ? (
        <ActionBar
          context={context}
          checked={checked}
          total={total ?? 0}
          tickable={tickable}
          state={checkedState(checked, cache.loadedRows(), tickable)}
          target={() => checkedTarget(useSelectionStore.getState().checked, context, folders, tickable)}
          onSelectAll={selectAll}
          onClear={clearChecks}
        />
      ) : (
        <header className="toolbar message-list__header">
          <SelectAllBox
            count={checkedCount(checked, tickable)}
            total={total ?? 0}
            onSelectAll={selectAll}
            onClear={clearChecks}
          />
          <div className="message-list__heading">
            <h1 className="message-list__title">{title}</h1>
            <MailboxSyncLine mailbox={mailbox} />
          </div>
          {total !== null && <span className="message-list__count">{t('list.count', { count: total, formattedCount: formatCount(total, locale) })}</span>}
        </header>
      )}
      {error !== null && (
        <p className="banner banner--error" role="alert">
          {t('list.loadFailed', { reason: t(errorKey(error)) })}
        </p>
      )}
      {total === 0 ? (
        <EmptyState icon="inbox" title={t('list.empty')} hint={t('list.emptyHint')} />
      ) : (
        <div
          ref={scrollRef}
          className="message-list__scroll"
          role="listbox"
          tabIndex={0}
          aria-label={title}
          aria-activedescendant={total ? `message-row-${cursorIndex}` : undefined}
          onKeyDown={onKeyDown}
          data-testid="message-list"
        >
          <div className="message-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const message = cache.row(item.index);
              return (
                <div key={item.key} className="message-list__slot" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                  <MessageRow
                    message={message}
                    index={item.index}
                    total={total ?? 0}
                    selected={item.index === cursorIndex}
                    open={message !== undefined && message.id === openMessageId}
                    checked={message !== undefined && isChecked(checked, message)}
                    locale={locale}
                    now={now}
                    onOpen={openRow}
                    onCheck={checkRow}
                    onDragStart={dragRows}
                    onDragEnd={stopDraggingRows}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
