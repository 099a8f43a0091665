package dev.tokensandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceCommandTest {
  @Test
  void everyNameRoundTripsAndUnknownNamesAreNone() {
    for (DeviceCommand command : DeviceCommand.values()) {
      assertThat(DeviceCommand.fromWire(command.wire())).isSameAs(command);
    }
    for (DeviceMessage type : DeviceMessage.values()) {
      assertThat(DeviceMessage.fromWire(type.wire())).isSameAs(type);
    }
    assertThat(DeviceCommand.fromWire("EXPIRE_NOW")).isNull();
    assertThat(DeviceCommand.fromWire(null)).isNull();
    assertThat(DeviceMessage.fromWire("bye")).isNull();
    assertThat(DeviceCommand.wireNames())
        .containsExactly("fetch", "join", "renew", "expireNow", "leave", "setFault", "setPolicy");
  }
}
