import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, rawFetch, unwrap, type Lead, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Button, Dialog, ErrorAlert, Spinner } from "../components/ui";
import { useSession, useWorkspace } from "../session";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type AttachmentRead = Schemas["AttachmentRead"];

// What the browser shows itself; the server answers these inline (and sniffed them on upload).
const PREVIEWABLE = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export function canPreview(file: { content_type: string }): boolean {
  return PREVIEWABLE.has(file.content_type);
}

/** The file from the authenticated download, shown on a blob: URL (a plain src cannot send the token). */
function PreviewDialog({
  file,
  onClose,
  onDownload,
}: {
  file: AttachmentRead | null;
  onClose: () => void;
  onDownload: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: ["attachment-preview", file?.id],
    enabled: !!file,
    gcTime: 0,
    staleTime: Infinity,
    queryFn: async () => {
      const response = await rawFetch(`/api/v1/attachments/${file!.id}/download?inline=true`);
      // The type is the one the server sniffed at upload, never what the response might claim.
      return new Blob([await response.blob()], { type: file!.content_type });
    },
  });
  useEffect(() => {
    if (!preview.data) return;
    const objectUrl = URL.createObjectURL(preview.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [preview.data]);
  const name = file?.original_name ?? "";
  return (
    <Dialog open={!!file} onClose={onClose} title={name} large>
      <div className="flex h-[70vh] items-center justify-center overflow-auto rounded-md bg-slate-100">
        {preview.isError ? (
          <ErrorAlert error={preview.error} title="The file could not be shown" />
        ) : !url ? (
          <Spinner label="Loading the file…" />
        ) : file?.content_type === "application/pdf" ? (
          <iframe src={url} title={`Preview of ${name}`} className="h-full w-full border-0 bg-white" />
        ) : (
          <img src={url} alt={`Preview of ${name}`} className="max-h-full max-w-full object-contain" />
        )}
      </div>
      <div className="mt-3 flex justify-end gap-2">
        <Button onClick={onDownload}>Download</Button>
      </div>
    </Dialog>
  );
}

export function Attachments({ lead }: { lead: Lead }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [previewing, setPreviewing] = useState<AttachmentRead | null>(null);
  const key = ["attachments", workspace, lead.id];
  const files = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET("/api/v1/leads/{lead_id}/attachments", { params: { path: { lead_id: lead.id } } })),
  });
  const upload = useMutation({
    mutationFn: async (list: FileList) => {
      const body = new FormData();
      for (const file of Array.from(list)) body.append("files", file, file.name);
      await rawFetch(`/api/v1/leads/${lead.id}/attachments`, { method: "POST", body });
    },
    onSuccess: () => {
      toast.info("Uploaded.");
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
    },
    onError: toast.error,
    onSettled: () => {
      if (input.current) input.current.value = "";
    },
  });

  async function download(id: string, name: string) {
    try {
      const response = await rawFetch(`/api/v1/attachments/${id}/download`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast.error(error);
    }
  }

  return (
    <section aria-labelledby="files-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="files-h" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Attachments
        </h2>
        {can("leads:write") && (
          <>
            <input
              ref={input}
              id="attachment-input"
              type="file"
              multiple
              className="sr-only"
              onChange={(e) => e.target.files?.length && upload.mutate(e.target.files)}
            />
            <label
              htmlFor="attachment-input"
              className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-within:outline-2"
            >
              {upload.isPending ? "Uploading…" : "Upload files"}
            </label>
          </>
        )}
      </div>
      {files.isPending && <Spinner small label="Loading files…" />}
      {files.isError && <ErrorAlert error={files.error} title="The files could not be loaded" />}
      {files.data?.length === 0 && (
        <p className="text-sm text-slate-600">No files yet. PDFs, images and documents up to 25 MB.</p>
      )}
      <ul className="divide-y divide-slate-100">
        {files.data?.map((file: AttachmentRead) => (
          <li key={file.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span className="min-w-0 truncate text-slate-900" title={file.original_name}>
              {file.original_name}
              <span className="ml-2 text-xs text-slate-600">{formatSize(file.size)}</span>
            </span>
            <span className="flex shrink-0 gap-1">
              {canPreview(file) && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Preview ${file.original_name}`}
                  onClick={() => setPreviewing(file)}
                >
                  Preview
                </Button>
              )}
              <Button size="sm" variant="ghost" onClick={() => void download(file.id, file.original_name)}>
                Download
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <PreviewDialog
        file={previewing}
        onClose={() => setPreviewing(null)}
        onDownload={() => previewing && void download(previewing.id, previewing.original_name)}
      />
    </section>
  );
}
