package dev.tokensandbox.backend.internal.http;

/**
 * Switches the sandbox API can flip at run time. {@code demoMode}: token routes accept the seeds'
 * unauthenticated requests (as the seeds' {@code requireCustomer} stub does). {@code
 * ginLegacyTokens}: the Gin-tutorial routes issue legacy 006 tokens. {@code demoUsers}: the
 * documented demo users may log in (off on the LAN unless turned on: their passwords are public).
 */
public final class ServerSettings {
  private volatile boolean demoMode;
  private volatile boolean ginLegacyTokens;
  private volatile boolean demoUsers;

  public ServerSettings(boolean demoMode) {
    this(demoMode, true);
  }

  public ServerSettings(boolean demoMode, boolean demoUsers) {
    this.demoMode = demoMode;
    this.demoUsers = demoUsers;
  }

  public boolean demoUsers() {
    return demoUsers;
  }

  public void setDemoUsers(boolean demoUsers) {
    this.demoUsers = demoUsers;
  }

  public boolean demoMode() {
    return demoMode;
  }

  public void setDemoMode(boolean demoMode) {
    this.demoMode = demoMode;
  }

  public boolean ginLegacyTokens() {
    return ginLegacyTokens;
  }

  public void setGinLegacyTokens(boolean ginLegacyTokens) {
    this.ginLegacyTokens = ginLegacyTokens;
  }
}
