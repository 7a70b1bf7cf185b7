import { describe, expect, it } from "vitest";
import { ApiError, describeError, fieldLabel, parseApiError } from "./errors";

describe("parseApiError", () => {
  it("reads the API's error envelope", () => {
    const error = parseApiError(
      422,
      {
        success: false,
        error: {
          code: "VALIDATION_ERROR",
          message: "Invalid input: body.email.",
          details: {
            field: "email",
            errors: [{ field: "body.email", message: "value is not a valid email address", type: "value_error" }],
          },
        },
      },
      "req-1",
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.status).toBe(422);
    expect(error.requestId).toBe("req-1");
    expect(error.fieldErrors).toEqual([{ field: "email", message: "value is not a valid email address" }]);
    expect(describeError(error)).toBe("Invalid input: body.email. email: value is not a valid email address");
  });

  it("names missing permissions", () => {
    const error = parseApiError(403, {
      success: false,
      error: { code: "FORBIDDEN", message: "Not allowed.", details: { missing_permissions: ["leads:write"] } },
    });
    expect(describeError(error)).toBe("Not allowed. (needs leads:write)");
  });

  it("falls back to a readable message for bodies that are not the envelope", () => {
    expect(parseApiError(502, "<html>Bad gateway</html>").message).toBe("The server cannot be reached right now.");
    expect(parseApiError(504, null).code).toBe("INTERNAL_ERROR");
    expect(parseApiError(418, {}).message).toBe("Request failed (418).");
    expect(parseApiError(404, { detail: "Not Found" }).message).toBe("Not Found");
    const empty = parseApiError(429, { success: false, error: { code: "RATE_LIMITED", message: "" } });
    expect(empty.message).toBe("Too many attempts. Wait a moment and try again.");
  });

  it("labels fields without their location prefix", () => {
    expect(fieldLabel("body.first_name")).toBe("first name");
    expect(fieldLabel("query.score_min")).toBe("score min");
    expect(fieldLabel("custom_fields.budget")).toBe("custom fields.budget");
  });
});
