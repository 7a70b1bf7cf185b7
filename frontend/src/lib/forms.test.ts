import { describe, expect, it } from "vitest";
import { embedSnippet, lines } from "./forms";

const form = {
  name: "Contact",
  submit_url: "/api/v1/public/forms/f_abc/submit",
  allowed_fields: ["first_name", "email", "message", "consent_privacy"],
  required_fields: ["email", "consent_privacy"],
  accept_files: false,
  honeypot_field: "website_url",
};

describe("embedSnippet", () => {
  it("posts every field of the form to the public endpoint, with the honeypot hidden", () => {
    const html = embedSnippet(form, "https://leads.example.com");
    expect(html).toContain('action="https://leads.example.com/api/v1/public/forms/f_abc/submit"');
    expect(html).toContain('enctype="application/x-www-form-urlencoded"');
    expect(html).toContain('<input name="email" type="email" required>');
    expect(html).toContain('<input name="first_name" type="text">');
    expect(html).toContain('<textarea name="message"></textarea>');
    expect(html).toContain('<input name="consent_privacy" type="checkbox" value="on" required>');
    expect(html).toContain('<input name="website_url" style="display:none"');
    expect(html).not.toContain('type="file"');
  });

  it("sends files as multipart and escapes what it writes", () => {
    const html = embedSnippet(
      { ...form, accept_files: true, honeypot_field: null, allowed_fields: ['x"><script>'], required_fields: [] },
      "https://leads.example.com",
    );
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('type="file"');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });
});

describe("lines", () => {
  it("reads one entry per line or comma", () => {
    expect(lines(" https://a.example \n\n https://b.example, https://c.example ")).toEqual([
      "https://a.example",
      "https://b.example",
      "https://c.example",
    ]);
  });
});
