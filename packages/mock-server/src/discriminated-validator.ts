import type { SchemaViolation } from "@atlas-export/types/validators";

type Validator = (body: unknown) => SchemaViolation[];

/**
 * A oneOf with a discriminator checked the way OpenAPI 3.0 defines it (§4.8.25): the discriminating
 * property picks the one branch the body is checked against. The generated oneOf validator checks
 * every branch and reports all their failures (an AWS body "must have serviceUrl" too), which would
 * name fields the user never needed.
 */
export function discriminatedValidator(
  propertyName: string,
  branches: Readonly<Record<string, Validator>>,
): Validator {
  const values = Object.keys(branches);
  return (body) => {
    const value = (body as Record<string, unknown> | null)?.[propertyName];
    const branch = typeof value === "string" && Object.hasOwn(branches, value) ? branches[value] : undefined;
    if (branch !== undefined) return branch(body);
    return value === undefined
      ? [
          {
            pointer: "",
            keyword: "required",
            params: { missingProperty: propertyName },
            message: `must have required property '${propertyName}'`,
          },
        ]
      : [
          {
            pointer: `/${propertyName}`,
            keyword: "enum",
            params: { allowedValues: values },
            message: `must be one of ${values.join(", ")}`,
          },
        ];
  };
}
