import { describe, expect, it } from "vitest";
import { factText } from "./EnrichmentFacts";

describe("enrichment values in words", () => {
  it("reads plain values, lists, addresses and patterns", () => {
    expect(factText("Acme")).toBe("Acme");
    expect(factText(null)).toBe("—");
    expect(factText([{ name: "HubSpot", category: "marketing" }, { name: "Google Workspace" }])).toBe(
      "HubSpot (marketing), Google Workspace",
    );
    expect(factText({ text: "Leeds, GB", locality: "Leeds" })).toBe("Leeds, GB");
    expect(factText({ pattern: "{first}.{last}", confidence: 0.8 })).toBe("{first}.{last} (80% sure)");
    expect(factText({ linkedin: "https://linkedin.com/company/acme" })).toBe(
      "linkedin: https://linkedin.com/company/acme",
    );
  });

  it("shows a few items of a long list and counts the rest", () => {
    const many = Array.from({ length: 11 }, (_, i) => `tool${i}`);
    expect(factText(many)).toBe("tool0, tool1, tool2, tool3, tool4, tool5, tool6, tool7 and 3 more");
  });
});
