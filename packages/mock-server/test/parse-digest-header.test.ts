import { describe, expect, it } from "vitest";
import { parseDigestHeader } from "../src/parse-digest-header.js";

describe("parseDigestHeader", () => {
  it.each<[string, { given: string; want: Record<string, string> | undefined }]>([
    [
      "curl's header",
      {
        given:
          'Digest username="mockpubk", realm="MMS Public API", nonce="AAAB+/=", uri="/a?pretty=true", cnonce="Y2M=", nc=00000001, qop=auth, response="0a1b", algorithm=MD5',
        want: {
          username: "mockpubk",
          realm: "MMS Public API",
          nonce: "AAAB+/=",
          uri: "/a?pretty=true",
          cnonce: "Y2M=",
          nc: "00000001",
          qop: "auth",
          response: "0a1b",
          algorithm: "MD5",
        },
      },
    ],
    ["a comma inside a quoted value", { given: 'Digest uri="/a,b", nc=1', want: { uri: "/a,b", nc: "1" } }],
    [
      "an escaped quote (RFC 7230 quoted-pair)",
      { given: 'Digest username="a\\"b"', want: { username: 'a"b' } },
    ],
    ["upper-case keys and a lower-case scheme", { given: 'digest USERNAME="x"', want: { username: "x" } }],
    ["extra spaces around '=' and ','", { given: 'Digest  a = "1" ,  b=2 ', want: { a: "1", b: "2" } }],
    ["a Basic header", { given: "Basic eDp5", want: undefined }],
    ["garbage after the pairs", { given: 'Digest a="1" !!!', want: undefined }],
  ])("parses %s", (_name, { given, want }) => {
    expect(parseDigestHeader(given)).toEqual(want);
  });
});
