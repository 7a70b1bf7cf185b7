import { useRef, useState, type DragEvent } from "react";
import { Spinner } from "./ui";

/** A drop zone that is also a file picker (the label opens the native dialog). */
export function FileDrop({
  id,
  accept,
  busy,
  hint,
  onFile,
}: {
  id: string;
  accept: string;
  busy?: boolean;
  hint: string;
  onFile: (file: File) => void;
}) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const drop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <label
      htmlFor={id}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center focus-within:ring-2 focus-within:ring-indigo-600/40 ${
        over ? "border-indigo-600 bg-indigo-50" : "border-slate-300 bg-white hover:bg-slate-50"
      }`}
    >
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        className="sr-only"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          if (input.current) input.current.value = "";
        }}
      />
      {busy ? (
        <Spinner label="Uploading…" />
      ) : (
        <>
          <span className="text-base font-semibold text-slate-900">Drop a file here, or click to choose one</span>
          <span className="text-sm text-slate-600">{hint}</span>
        </>
      )}
    </label>
  );
}
