import { Button, Dialog, TextField } from "./ui";

/** A lost stage needs its reason: asked for before the move is sent. */
export function LostReasonDialog({
  open,
  busy,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Why was this lead lost?">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
          if (reason) onSubmit(reason);
        }}
        className="space-y-4"
      >
        <TextField
          label="Lost reason"
          name="reason"
          required
          maxLength={500}
          autoFocus
          placeholder="Chose a competitor"
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Mark as lost
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
