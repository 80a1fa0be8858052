import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { linkify } from '../format.ts';

/**
 * Message text as text: Preact escapes it, line breaks come from CSS (white-space: pre-wrap),
 * and only http/https/mailto URLs become links.
 */
export function RichText({ text }: { text: string }) {
  const parts = useMemo(() => linkify(text), [text]);
  return (
    <>
      {parts.map((p, i) =>
        p.type === 'link' ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
