package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.control.ControlChannel.Command;
import dev.tokensandbox.client.session.RenewalPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desktop's commands, checked and answered, against a fake app (no Android needed). */
class RemoteCommandsTest {
  private final List<String> did = new ArrayList<>();
  private final List<String> replies = new ArrayList<>();
  private boolean joined;
  private boolean failed;
  private String message = "";

  private final RemoteCommands.Device app =
      new RemoteCommands.Device() {
        @Override
        public void fetch() {
          did.add("fetch");
        }

        @Override
        public void join() {
          did.add("join");
          message = "ChatSDK needs a login first";
          failed = true;
        }

        @Override
        public void renew() {
          did.add("renew");
        }

        @Override
        public void expireNow() {
          did.add("expireNow");
        }

        @Override
        public void leave() {
          did.add("leave");
        }

        @Override
        public void trigger(RenewalPolicy.Trigger trigger) {
          did.add("trigger " + trigger);
        }

        @Override
        public void faultSet(String fault) {
          did.add("fault " + fault);
        }

        @Override
        public boolean joined() {
          return joined;
        }

        @Override
        public String flowLabel() {
          return "Ringnity";
        }

        @Override
        public String message() {
          return message;
        }

        @Override
        public boolean failed() {
          return failed;
        }
      };

  private final RemoteCommands commands =
      new RemoteCommands(app, (id, ok, text) -> replies.add(id + " " + ok + " " + text));

  @Test
  void eachCommandActsAndIsAnswered() {
    commands.handle(Command.of("c1", "fetch", Map.of()));
    commands.handle(Command.of("c2", "setPolicy", Map.of("trigger", "REQUEST_TOKEN")));
    commands.handle(Command.of("c3", "setFault", Map.of("fault", "STATUS")));
    joined = true;
    commands.handle(Command.of("c4", "renew", Map.of()));

    assertThat(did).containsExactly("fetch", "trigger REQUEST_TOKEN", "fault STATUS", "renew");
    assertThat(replies)
        .containsExactly(
            "c1 true fetching through Ringnity",
            "c2 true renew on REQUEST_TOKEN",
            "c3 true the sandbox now answers this device with STATUS",
            "c4 true renewing");
  }

  @Test
  void aCommandTheAppCannotCarryOutIsAnsweredWithTheReason() {
    commands.handle(Command.of("c1", "join", Map.of()));
    assertThat(replies).containsExactly("c1 false ChatSDK needs a login first");
  }

  @Test
  void unknownCommandsAndArgumentsAreRefusedWithoutActing() {
    commands.handle(Command.of("c1", "selfDestruct", Map.of()));
    commands.handle(Command.of("c2", "setPolicy", Map.of("trigger", "NEVER")));
    assertThat(did).isEmpty();
    assertThat(replies)
        .containsExactly("c1 false unknown command selfDestruct", "c2 false unknown trigger NEVER");
  }
}
