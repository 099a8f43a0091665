package dev.tokensandbox.client.admin;

import dev.tokensandbox.protocol.admin.SandboxAdmin;

/** The admin contract in-process: the running server's own {@code admin()}. */
class LocalAdminContractTest extends SandboxAdminContract {
  @Override
  SandboxAdmin admin() {
    return backend.server.admin();
  }
}
