package dev.tokensandbox.app;

/**
 * View ids for the screen built in code (no XML layouts, so no generated R ids): stable ids let the
 * system restore view state across rotation and let tests find views.
 */
public final class Ids {
  private Ids() {}

  public static final int BACKEND_URL = 0x7f0a0001;
  public static final int USE_BACKEND = 0x7f0a0002;
  public static final int SCAN_QR = 0x7f0a0003;
  public static final int PAIRING = 0x7f0a0004;
  public static final int USERNAME = 0x7f0a0005;
  public static final int PASSWORD = 0x7f0a0006;
  public static final int LOGIN = 0x7f0a0007;
  public static final int FLOW = 0x7f0a0008;
  public static final int FETCH = 0x7f0a0009;
  public static final int JOIN = 0x7f0a000a;
  public static final int RENEW = 0x7f0a000b;
  public static final int LEAVE = 0x7f0a000c;
  public static final int EXPIRE_NOW = 0x7f0a000d;
  public static final int TOKEN = 0x7f0a000e;
  public static final int COUNTDOWN = 0x7f0a000f;
  public static final int STATUS = 0x7f0a0010;
  public static final int MESSAGE = 0x7f0a0011;
  public static final int EVENTS = 0x7f0a0012;
  public static final int CONTROLS = 0x7f0a0013;
  public static final int SDK = 0x7f0a0014;
}
