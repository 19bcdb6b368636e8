// Vitest setup file: the client now honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY, so a proxy in the test
// runner's environment would carry the tests' loopback requests. Each test that wants a proxy sets one.
import { setProxyEnvironment } from "./proxy-environment.js";

setProxyEnvironment();
