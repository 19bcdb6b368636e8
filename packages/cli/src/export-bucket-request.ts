import { helpHint } from "./help-hint.js";
import type { OptionValues } from "./option-values.js";
import { OPTIONS } from "./options.js";
import { UsageError } from "./usage-error.js";

const PROVIDER_FLAGS = {
  AWS: { required: [OPTIONS.bucketName, OPTIONS.iamRoleId], optional: [OPTIONS.requirePrivateNetworking] },
  AZURE: { required: [OPTIONS.roleId, OPTIONS.serviceUrl], optional: [OPTIONS.bucketName] },
  GCP: { required: [OPTIONS.bucketName, OPTIONS.roleId], optional: [] },
} as const;

/** The provider-specific flags, for `buckets create --help`. */
export const PROVIDER_FLAGS_HELP = (Object.keys(PROVIDER_FLAGS) as Array<keyof typeof PROVIDER_FLAGS>)
  .map((provider) => {
    const { required, optional } = PROVIDER_FLAGS[provider];
    const flags = [
      ...required.map((option) => `--${option.flag} ${option.placeholder}`),
      ...optional.map(
        (option) => `[--${option.flag}${"placeholder" in option ? ` ${option.placeholder}` : ""}]`,
      ),
    ];
    return `  --cloud-provider ${provider.padEnd(5)}  ${flags.join(" ")}`;
  })
  .join("\n");

const ALL_PROVIDER_OPTIONS = [
  OPTIONS.bucketName,
  OPTIONS.iamRoleId,
  OPTIONS.roleId,
  OPTIONS.serviceUrl,
  OPTIONS.requirePrivateNetworking,
];

/**
 * The createExportBucket body for `--cloud-provider` and its flags: each provider's required flags must
 * be there and another provider's flags are refused (they would be silently ignored by Atlas).
 */
export function exportBucketRequest(values: OptionValues) {
  const provider = values.string(OPTIONS.cloudProvider) as keyof typeof PROVIDER_FLAGS;
  const { required, optional } = PROVIDER_FLAGS[provider];
  const allowed: readonly { flag: string }[] = [...required, ...optional];
  const hint = helpHint("buckets create");
  for (const option of ALL_PROVIDER_OPTIONS)
    if (values.has(option) && !allowed.includes(option))
      throw new UsageError(`--${option.flag} does not apply to --cloud-provider ${provider}.`, { hint });
  const missing = required.filter((option) => !values.has(option));
  if (missing.length > 0)
    throw new UsageError(
      `--cloud-provider ${provider} needs ${missing.map((option) => `--${option.flag}`).join(" and ")}.`,
      { hint },
    );
  const bucketName = values.optionalString(OPTIONS.bucketName);
  switch (provider) {
    case "AWS":
      return {
        cloudProvider: "AWS" as const,
        bucketName: bucketName!,
        iamRoleId: values.string(OPTIONS.iamRoleId),
        ...(values.has(OPTIONS.requirePrivateNetworking) ? { requirePrivateNetworking: true } : {}),
      };
    case "AZURE":
      return {
        cloudProvider: "AZURE" as const,
        roleId: values.string(OPTIONS.roleId),
        serviceUrl: values.string(OPTIONS.serviceUrl),
        ...(bucketName === undefined ? {} : { bucketName }),
      };
    case "GCP":
      return {
        cloudProvider: "GCP" as const,
        bucketName: bucketName!,
        roleId: values.string(OPTIONS.roleId),
      };
  }
}
