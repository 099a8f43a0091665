package dev.tokensandbox.client.admin;

import dev.tokensandbox.protocol.admin.SandboxAdmin;

/** The admin contract over HTTP: the client core's {@link SandboxAdminClient}. */
class HttpAdminContractTest extends SandboxAdminContract {
  private final SandboxAdmin admin = new SandboxAdminClient(backend.client);

  @Override
  SandboxAdmin admin() {
    return admin;
  }
}
