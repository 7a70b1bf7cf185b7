import { describe, expect, it } from "vitest";
import { canonicalQuery, currentView, freeName, visibilityFor, visibleColumns } from "./views";

const views = [
  { id: "a", name: "Forms", query: "source=form", columns: null },
  { id: "b", name: "Forms, narrow", query: "source=form", columns: ["name", "email"] },
  { id: "c", name: "Newest first", query: "", columns: null },
];

describe("saved views", () => {
  it("compares queries whatever their order, prefix or empty values", () => {
    expect(canonicalQuery("?sort=-updated_at&q=acme")).toBe(canonicalQuery("q=acme&sort=-updated_at"));
    expect(canonicalQuery("q=&source=form")).toBe("source=form");
    expect(canonicalQuery("q=a%20b")).toBe("q=a+b");
  });

  it("finds the view the page shows, columns included when the view keeps them", () => {
    const all = visibilityFor(["name", "email", "company"]);
    expect(currentView(views, "?source=form", all)?.id).toBe("a");
    expect(currentView(views, "?source=form", visibilityFor(["name", "email"]))?.id).toBe("a");
    expect(currentView(views, "?source=form", visibilityFor(["name", "email"]), "b")?.id).toBe("b");
    expect(currentView(views, "", all)?.id).toBe("c");
    expect(currentView(views, "source=email", all)).toBeUndefined();
  });

  it("turns columns into the table's visibility and back, in table order", () => {
    const visibility = visibilityFor(["email", "name", "retired-column"]);
    expect(visibility).toMatchObject({ name: true, email: true, company: false });
    expect(visibleColumns(visibility)).toEqual(["name", "email"]);
    expect(visibleColumns({ value: false, updated: false })).not.toContain("value");
  });

  it("suggests a name not taken yet, ignoring case", () => {
    expect(freeName("Forms", ["forms", "Forms (2)"])).toBe("Forms (3)");
    expect(freeName("New", [])).toBe("New");
  });
});
