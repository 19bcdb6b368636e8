import { AtlasError } from "./atlas-error.js";

/** A parameter or option was rejected before any request was sent. */
export class AtlasValidationError extends AtlasError {
  override name = "AtlasValidationError";
  /** The parameter or option at fault (`groupId`, `baseUrl`, …) or the JSON pointer of a response field. */
  readonly parameter: string;
  /** The rule it broke (`pattern ^([a-f0-9]{24})$`, `maxLength 64`, …). */
  readonly rule: string;

  constructor(message: string, parameter: string, rule: string) {
    super(message);
    this.parameter = parameter;
    this.rule = rule;
  }
}
