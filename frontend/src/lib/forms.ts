// Capture forms: the fields a form may ask for, and the HTML a website pastes to embed one.

export const FORM_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "job_title",
  "company_name",
  "website",
  "country",
  "city",
  "message",
  "consent_marketing",
  "consent_privacy",
] as const;

export const FIELD_LABELS: Record<string, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  job_title: "Job title",
  company_name: "Company",
  website: "Website",
  country: "Country",
  city: "City",
  message: "Message",
  consent_marketing: "I agree to receive marketing emails",
  consent_privacy: "I accept the privacy policy",
};

export interface EmbeddableForm {
  name: string;
  submit_url: string;
  allowed_fields: string[];
  required_fields: string[];
  accept_files: boolean;
  honeypot_field: string | null;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const INPUT_TYPES: Record<string, string> = { email: "email", phone: "tel", website: "url" };

/** A plain HTML form that posts to the form's public endpoint (no script needed). */
export function embedSnippet(form: EmbeddableForm, origin: string): string {
  const action = new URL(form.submit_url, origin).toString();
  const lines = [
    `<form action="${escape(action)}" method="post" enctype="${form.accept_files ? "multipart/form-data" : "application/x-www-form-urlencoded"}">`,
  ];
  for (const field of form.allowed_fields) {
    const name = escape(field);
    const label = escape(FIELD_LABELS[field] ?? field);
    const required = form.required_fields.includes(field) ? " required" : "";
    if (field === "message") {
      lines.push(`  <label>${label} <textarea name="${name}"${required}></textarea></label>`);
    } else if (field.startsWith("consent_")) {
      lines.push(`  <label><input name="${name}" type="checkbox" value="on"${required}> ${label}</label>`);
    } else {
      const type = INPUT_TYPES[field] ?? "text";
      lines.push(`  <label>${label} <input name="${name}" type="${type}"${required}></label>`);
    }
  }
  if (form.accept_files) lines.push(`  <label>Files <input name="files" type="file" multiple></label>`);
  if (form.honeypot_field) {
    lines.push(
      `  <input name="${escape(form.honeypot_field)}" style="display:none" tabindex="-1" autocomplete="off" aria-hidden="true">`,
    );
  }
  lines.push(`  <button type="submit">Send</button>`, `</form>`);
  return lines.join("\n");
}

/** Lines of a textarea as a clean list (blank lines and surrounding spaces dropped). */
export function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}
