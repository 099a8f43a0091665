package dev.tokensandbox.app;

import dev.tokensandbox.client.control.ControlChannel;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.protocol.DeviceCommand;

/**
 * The desktop's commands to this app, from the device channel: checks each, has the app act on it
 * as if its button was pressed, and answers on the channel with what happened. Used on the clock's
 * thread only.
 */
final class RemoteCommands {
  /** What a command can do to the app, and what the app can tell afterwards. */
  interface Device {
    void fetch();

    void join();

    void renew();

    void expireNow();

    void leave();

    void trigger(RenewalPolicy.Trigger trigger);

    /** The sandbox now answers this device with {@code fault} (the desktop set it). */
    void faultSet(String fault);

    boolean joined();

    String flowLabel();

    /** The last status line, and whether it reports a failure. */
    String message();

    boolean failed();
  }

  /** Where answers go (the channel's {@code result} message). */
  interface Replies {
    void reply(String id, boolean ok, String message);
  }

  private final Device device;
  private final Replies replies;

  RemoteCommands(Device device, Replies replies) {
    this.device = device;
    this.replies = replies;
  }

  void handle(ControlChannel.Command c) {
    DeviceCommand command = c.command();
    if (command == null) {
      replies.reply(c.id(), false, "unknown command " + c.name());
      return;
    }
    String result;
    switch (command) {
      case FETCH:
        device.fetch();
        result = "fetching through " + device.flowLabel();
        break;
      case JOIN:
        device.join();
        result = device.joined() ? "joining" : device.message();
        break;
      case RENEW:
        device.renew();
        result = device.joined() ? "renewing" : device.message();
        break;
      case EXPIRE_NOW:
        device.expireNow();
        result = device.joined() ? "expired" : device.message();
        break;
      case LEAVE:
        device.leave();
        result = "left";
        break;
      case SET_FAULT:
        device.faultSet(c.arg("fault", "NONE"));
        result = "the sandbox now answers this device with " + c.arg("fault", "NONE");
        break;
      case SET_POLICY:
        RenewalPolicy.Trigger trigger;
        try {
          trigger = RenewalPolicy.Trigger.valueOf(c.arg("trigger", "BOTH"));
        } catch (IllegalArgumentException e) {
          replies.reply(c.id(), false, "unknown trigger " + c.arg("trigger", ""));
          return;
        }
        device.trigger(trigger);
        result = "renew on " + trigger;
        break;
      default:
        replies.reply(c.id(), false, "unknown command " + c.name());
        return;
    }
    replies.reply(c.id(), !device.failed(), result);
  }
}
