package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.workspace.Workspace;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Credentials a container (or a CI service) gives {@code serve} in the environment, under the
 * seeds' own names: {@code SHENGWANG_APP_ID} and {@code SHENGWANG_APP_CERTIFICATE} (seed 001),
 * {@code RINGNITY_SERVER_API_KEY} (seed 000), {@code CHATSDK_API_KEY} (seed 003). Each one set
 * replaces the workspace file's value for this run; the file is not rewritten.
 */
final class EnvCredentials {
  static final String APP_ID = "SHENGWANG_APP_ID";
  static final String CERTIFICATE = "SHENGWANG_APP_CERTIFICATE";
  static final String RINGNITY_KEY = "RINGNITY_SERVER_API_KEY";
  static final String CHATSDK_KEY = "CHATSDK_API_KEY";

  private EnvCredentials() {}

  /** {@code ws} with the variables that are set; the names of those applied go to {@code used}. */
  static Workspace apply(Workspace ws, UnaryOperator<String> env, List<String> used) {
    String appId = pick(env, APP_ID, ws.appId(), used);
    String certificate = pick(env, CERTIFICATE, ws.appCertificate(), used);
    String ringnity = pick(env, RINGNITY_KEY, ws.ringnityApiKey(), used);
    String chatsdk = pick(env, CHATSDK_KEY, ws.chatsdkApiKey(), used);
    return new Workspace(
        appId, certificate, ws.chatsdkJwtSecret(), ws.ringnityJwtSecret(), ringnity, chatsdk);
  }

  private static String pick(
      UnaryOperator<String> env, String name, String fallback, List<String> used) {
    String value = env.apply(name);
    if (value == null) {
      return fallback;
    }
    used.add(name);
    return value;
  }
}
