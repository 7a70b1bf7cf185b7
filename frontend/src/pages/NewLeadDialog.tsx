import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Button, Dialog, ErrorAlert, SelectField, TextField, leadName } from "../components/ui";
import { useStages } from "../hooks";

export function NewLeadDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const stages = useStages();
  const toast = useToast();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: Schemas["LeadCreate"]) => unwrap(api.POST("/api/v1/leads", { body })),
    onSuccess: (lead) => {
      void queryClient.invalidateQueries({ queryKey: ["leads"] });
      void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
      toast.info(`Created ${leadName(lead)}.`);
      onClose();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const value = text("value");
    create.mutate({
      first_name: text("first_name"),
      last_name: text("last_name"),
      email: text("email"),
      company_name: text("company_name"),
      job_title: text("job_title"),
      phone: text("phone"),
      value: value === null ? null : Number(value),
      stage_id: text("stage_id"),
      source: "manual",
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title="New lead" wide>
      <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {create.isError && (
          <div className="sm:col-span-2">
            <ErrorAlert title="The lead was not created" error={create.error} />
          </div>
        )}
        <TextField label="First name" name="first_name" autoFocus />
        <TextField label="Last name" name="last_name" />
        <TextField label="Email" name="email" type="email" />
        <TextField label="Phone" name="phone" type="tel" />
        <TextField label="Company" name="company_name" />
        <TextField label="Job title" name="job_title" />
        <TextField label="Value" name="value" type="number" min={0} step={1} />
        <SelectField label="Stage" name="stage_id" defaultValue="">
          <option value="">First stage</option>
          {stages.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <div className="mt-2 flex justify-end gap-2 sm:col-span-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create lead
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
