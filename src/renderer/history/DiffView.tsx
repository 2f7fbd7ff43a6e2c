import type { DiffPart } from '../../shared/text/diffWords';

/** A word diff as elements (never an HTML string): removed text struck through, added highlighted. */
export function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="nd-diff" data-testid="history-diff" lang="vi">
      {parts.map((part, index) => {
        if (part.op === 'insert') {
          return (
            <ins key={index} className="nd-diff-ins">
              {part.text}
            </ins>
          );
        }
        if (part.op === 'delete') {
          return (
            <del key={index} className="nd-diff-del">
              {part.text}
            </del>
          );
        }
        return <span key={index}>{part.text}</span>;
      })}
    </div>
  );
}
