import { describe, expect, it } from "vitest";
import { exportBody, exportPlan, exportQuery, fileNameOf, formatsFor } from "./exports";

describe("the export dialog", () => {
  it("downloads small sets at once and runs a job for large or unknown ones", () => {
    expect(exportPlan(10, "csv")).toBe("direct");
    expect(exportPlan(20_000, "csv")).toBe("direct");
    expect(exportPlan(20_001, "csv")).toBe("job");
    expect(exportPlan(6_000, "xlsx")).toBe("job");
    expect(exportPlan(null, "csv")).toBe("job");
    expect(exportPlan(3, "csv", ["a", "b", "c"])).toBe("direct");
    expect(
      exportPlan(
        201,
        "csv",
        Array.from({ length: 201 }, (_, i) => String(i)),
      ),
    ).toBe("job");
  });

  it("offers CSV and XLSX only with a CRM preset", () => {
    expect(formatsFor("hubspot")).toEqual(["csv", "xlsx"]);
    expect(formatsFor("")).toHaveLength(5);
  });

  it("puts the options and the list's filters in the query and the job's body", () => {
    const choice = { format: "csv" as const, preset: "" as const, fields: ["email", "first_name"], labels: true };
    const filters = { tag: "vip", score_min: 10 };
    expect(exportQuery(choice, filters).toString()).toBe(
      "format=csv&fields=email%2Cfirst_name&headers=labels&tag=vip&score_min=10",
    );
    expect(exportBody({ ...choice, preset: "salesforce", fields: null, labels: false }, filters)).toEqual({
      format: "csv",
      preset: "salesforce",
      headers: "keys",
      filter: filters,
    });
  });

  it("sends the ticked rows' ids when there are some", () => {
    const choice = { format: "csv" as const, preset: "" as const, fields: null, labels: false, ids: ["a", "b"] };
    expect(exportQuery(choice, {}).get("ids")).toBe("a,b");
    expect(exportBody(choice, {}).ids).toEqual(["a", "b"]);
    expect(exportQuery({ ...choice, ids: [] }, {}).has("ids")).toBe(false);
    expect("ids" in exportBody({ ...choice, ids: null }, {})).toBe(false);
  });

  it("reads the file name the server gives", () => {
    expect(fileNameOf("attachment; filename*=UTF-8''leads-20261122-093000.csv", "x")).toBe("leads-20261122-093000.csv");
    expect(fileNameOf('attachment; filename="errors-fair.csv"', "x")).toBe("errors-fair.csv");
    expect(fileNameOf(null, "fallback.csv")).toBe("fallback.csv");
  });
});
