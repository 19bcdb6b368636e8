import { describe, expect, it } from "vitest";
import { operationTable } from "@atlas-export/types";
import { requestBodyValidators } from "../src/request-body-validators.js";

describe("requestBodyValidators", () => {
  it("has a schema check for exactly the operations that take a request body", () => {
    const withBody = Object.entries(operationTable)
      .filter(([, operation]) => operation.requestMediaType !== null)
      .map(([operationId]) => operationId)
      .sort();
    expect(Object.keys(requestBodyValidators).sort()).toEqual(withBody);
  });
});
