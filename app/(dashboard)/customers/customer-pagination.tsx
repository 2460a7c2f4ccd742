import { Button } from "@/components/ui/button";

export function CustomerPagination({
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
}: {
  hasPrevious: boolean;
  nextCursor: string | null;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  return (
    <nav aria-label="Pagination" className="flex justify-end gap-2">
      <Button onClick={onPrevious} disabled={!hasPrevious}>
        ← Previous
      </Button>
      <Button onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor}>
        Next →
      </Button>
    </nav>
  );
}
