package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.tokens.AgoraCredentials;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.backend.workspace.WorkspaceStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Agora credentials come from: flags, then the environment, then the workspace file. */
final class Credentials {
  static final String APP_ID_ENV = "SHENGWANG_APP_ID";
  static final String CERTIFICATE_ENV = "SHENGWANG_APP_CERTIFICATE";

  @Option(
      names = "--app-id",
      description = "App ID (default: $SHENGWANG_APP_ID, else the workspace's).")
  String appId;

  @Option(
      names = "--app-certificate",
      description = "App Certificate (default: $SHENGWANG_APP_CERTIFICATE, else the workspace's).")
  String appCertificate;

  @Option(
      names = "--workspace",
      paramLabel = "FILE",
      description =
          "Workspace file with generated credentials (default: $TOKEN_SANDBOX_WORKSPACE"
              + " or ~/.token-sandbox/workspace.json; created on first use).")
  Path workspace;

  AgoraCredentials agora(CliContext context) {
    String id = appId != null ? appId : context.env(APP_ID_ENV);
    String certificate = appCertificate != null ? appCertificate : context.env(CERTIFICATE_ENV);
    if (id != null || certificate != null) {
      if (id == null || certificate == null) {
        throw new dev.tokensandbox.backend.tokens.InvalidTokenRequestException(
            id == null ? "appId" : "appCertificate",
            "is required with "
                + (id == null ? "--app-certificate" : "--app-id")
                + " (flag or "
                + (id == null ? APP_ID_ENV : CERTIFICATE_ENV)
                + ")");
      }
      return new AgoraCredentials(id, certificate);
    }
    return workspace(context).agoraCredentials();
  }

  Workspace workspace(CliContext context) {
    WorkspaceStore store = context.workspace(workspace);
    boolean existed = store.load().isPresent();
    Workspace loaded = store.loadOrCreate(context.random());
    if (!existed) {
      context.err().println("note: generated sandbox credentials in " + store.file());
    }
    return loaded;
  }
}
