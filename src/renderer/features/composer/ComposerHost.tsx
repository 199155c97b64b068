import { Composer } from './Composer';
import { useComposerSession } from './composerStore';
import { SendNotices } from './SendNotices';
import './composer.css';

/** Where the composer and its notices live in the window; App mounts it once. */
export function ComposerHost() {
  const session = useComposerSession();
  return (
    <>
      {session && <Composer key={session.key} session={session} />}
      <SendNotices />
    </>
  );
}
